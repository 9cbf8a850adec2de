/**
 * The components passed to every MDX body. Their names and attributes must match
 * src/schemas/mdx-components.ts, which the checker enforces (a unit test compares the two).
 */
import Callout from './Callout.astro';
import MeasureLink from './MeasureLink.astro';

export const mdxComponents = { Callout, MeasureLink };
