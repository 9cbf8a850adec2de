/** axe-core and the console/CSP check on every page at desktop size (see axe-every-page.ts). */
import { describe } from 'vitest';
import { DESKTOP } from '../helpers/browser.ts';
import { axeEveryPage } from './axe-every-page.ts';

describe('axe-core', () => axeEveryPage({ size: 'desktop', viewport: DESKTOP, schemes: ['light'], modes: 'light mode' }));
