/** axe-core and the console/CSP check on every page at the phone's size, in light and dark mode (see axe-every-page.ts). */
import { describe } from 'vitest';
import { PHONE } from '../helpers/browser.ts';
import { axeEveryPage } from './axe-every-page.ts';

describe('axe-core', () => axeEveryPage({ size: 'phone', viewport: PHONE, schemes: ['light', 'dark'], modes: 'light and dark mode' }));
