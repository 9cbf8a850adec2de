import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../helpers/fixtures.ts';

const load = (name: string) => {
  const text = readFileSync(join(PROJECT_ROOT, 'deploy/ci', name), 'utf8');
  return { text, doc: parse(text) as Record<string, unknown> };
};
const steps = (doc: Record<string, unknown>) =>
  (doc['jobs'] as { build: { steps: { run?: string; uses?: string; with?: Record<string, unknown> }[] } }).build.steps;

describe('CI templates for the office git host', () => {
  it.each(['github-actions.yml', 'gitea-actions.yml'])(
    '%s checks, builds and tests on push, PR and daily, with a full clone and dist/ kept',
    (name) => {
      const { doc } = load(name);
      const on = doc['on'] as Record<string, unknown>;
      expect(Object.keys(on)).toEqual(expect.arrayContaining(['push', 'pull_request', 'schedule']));
      const s = steps(doc);
      expect(s.find((x) => x.uses?.startsWith('actions/checkout'))!.with!['fetch-depth']).toBe(0);
      const runs = s.map((x) => x.run).filter(Boolean);
      expect(runs).toEqual(expect.arrayContaining(['npm ci', 'npm run check', 'npm run build', 'npx vitest run']));
      expect(s.find((x) => x.uses?.startsWith('actions/upload-artifact'))!.with!['path']).toBe('dist/');
      // A preview build (no public address) is refused before it is kept for publishing.
      const verify = s.findIndex((x) => x.run === 'bash deploy/deploy.sh verify dist');
      expect(verify).toBeGreaterThan(s.findIndex((x) => x.run === 'npm run build'));
      expect(verify).toBeLessThan(s.findIndex((x) => x.uses?.startsWith('actions/upload-artifact')));
    },
  );

  it('gitlab-ci.yml does the same on push, merge requests and schedules', () => {
    const { doc } = load('gitlab-ci.yml');
    expect((doc['variables'] as Record<string, unknown>)['GIT_DEPTH']).toBe(0);
    const job = doc['site'] as { rules: { if: string }[]; script: string[]; artifacts: { paths: string[] } };
    expect(job.rules.map((r) => r.if).join(' ')).toMatch(/push.*merge_request_event.*schedule/);
    expect(job.script).toEqual(['npm run check', 'npm run build', 'npx vitest run', 'bash deploy/deploy.sh verify dist']);
    expect(job.artifacts.paths).toEqual(['dist/']);
  });

  it('portal-github-actions.yml rebuilds the county portal daily, after the towns, and verifies it before keeping it', () => {
    const { doc } = load('portal-github-actions.yml');
    const on = doc['on'] as { schedule: { cron: string }[] };
    // After the towns' 03:00 Beijing rebuilds (19:00 UTC), so the portal reads that day's data.
    const hour = Number(on.schedule[0]!.cron.split(' ')[1]);
    expect(hour).toBeGreaterThan(19);
    const s = steps(doc);
    const runs = s.map((x) => x.run).filter(Boolean);
    expect(runs).toEqual(['npm ci', 'npm run portal -- portal.yaml', 'bash deploy/deploy.sh verify dist-portal']);
    expect(s.find((x) => x.uses?.startsWith('actions/upload-artifact'))!.with!['path']).toBe('dist-portal/');
  });
});
