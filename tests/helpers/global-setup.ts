/** Removes what a test run shared between its test files (the shared fixture build) when the run ends. */
import { rmSync } from 'node:fs';
import { sharedFixtureRoot } from './kiosk-fixture.ts';

export default function setup(): () => void {
  const remove = () => {
    const root = sharedFixtureRoot();
    if (root) rmSync(root, { recursive: true, force: true });
  };
  // A folder of an interrupted run whose process id came round again would hold an old build.
  remove();
  return remove;
}
