import { describe, expect, it } from 'vitest';
import { isLocalAddress, LOCAL_PREVIEW_URL, resolveSiteUrl } from '../../src/domain/site-url.ts';
import { addressProblem } from '../../src/schemas/vocabulary.ts';

describe('resolveSiteUrl', () => {
  it('takes the settings address, normalised to its origin', () => {
    expect(resolveSiteUrl(undefined, 'https://dj.example.gov.cn/')).toEqual({ site: 'https://dj.example.gov.cn', configured: true });
    expect(resolveSiteUrl(undefined, ' https://dj.example.gov.cn ')).toEqual({ site: 'https://dj.example.gov.cn', configured: true });
  });
  it('lets SITE_URL override the settings, and treats an empty SITE_URL (an unset CI variable) as unset', () => {
    expect(resolveSiteUrl('https://b.example.cn', 'https://a.example.cn/').site).toBe('https://b.example.cn');
    expect(resolveSiteUrl('', 'https://a.example.cn/').site).toBe('https://a.example.cn');
  });
  it('builds for local preview with a Chinese warning when no address is set', () => {
    const none = resolveSiteUrl(undefined, undefined);
    expect(none.site).toBe(LOCAL_PREVIEW_URL);
    expect(none.configured).toBe(false);
    expect(none.warning).toMatch(/^未设置网站网址：二维码处显示“未设置网址”/);
    expect(none.warning).toContain('src/content/settings/site.yaml');
    expect(none.warning).toContain('SITE_URL');
  });
  it('refuses an unusable or local address with a warning that says where it came from', () => {
    const bad = resolveSiteUrl('dj.example.gov.cn', undefined);
    expect(bad).toMatchObject({ site: LOCAL_PREVIEW_URL, configured: false });
    expect(bad.warning).toMatch(/^网站网址无效（环境变量 SITE_URL）/);
    const local = resolveSiteUrl(undefined, 'http://127.0.0.1:8080/');
    expect(local.configured).toBe(false);
    expect(local.warning).toContain('本机地址 http://127.0.0.1:8080');
    expect(local.warning).toContain('settings/site.yaml 的 url');
  });
});

describe('addressProblem', () => {
  it('accepts an origin with or without the final slash', () => {
    expect(addressProblem('https://dj.example.gov.cn/')).toBeUndefined();
    expect(addressProblem('http://10.0.0.5:8080')).toBeUndefined();
  });
  it('explains what is wrong, in Chinese', () => {
    expect(addressProblem('dj.example.gov.cn')).toContain('不是完整的网址');
    expect(addressProblem('ftp://dj.example.gov.cn/')).toContain('要以 https:// 或 http:// 开头');
    expect(addressProblem('https://dj.example.gov.cn/yishu/')).toContain('只写到域名为止');
    expect(addressProblem('https://dj.example.gov.cn/?a=1')).toContain('只写到域名为止');
  });
});

describe('isLocalAddress', () => {
  it('knows the addresses that only work on the machine itself', () => {
    for (const a of ['http://localhost:4321', 'http://127.0.0.1', 'http://[::1]:4321', 'http://0.0.0.0', 'http://app.localhost'])
      expect(isLocalAddress(a), a).toBe(true);
    for (const a of ['https://dj.example.gov.cn', 'http://192.168.1.10']) expect(isLocalAddress(a), a).toBe(false);
  });
});
