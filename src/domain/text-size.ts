/**
 * 字号 remembered (适老化): the three radios ahead of the page work without JavaScript, one
 * page at a time; this inline script, run before the page is painted, restores the reader's
 * last choice and saves each new one. It is the one script a reading page carries: a few
 * hundred bytes inline, allowed by its hash in the Content-Security-Policy (no 'unsafe-inline',
 * no file to fetch). Storage may be off (private mode, some in-app browsers): the radios still work.
 */
import { createHash } from 'node:crypto';

/** The storage key and the radios' id prefix (`text-size-small` …). */
export const TEXT_SIZE_KEY = 'text-size';
export const TEXT_SIZES = ['small', 'medium', 'large'] as const;

/** The script's exact text: the CSP hash is computed over these characters. */
export const TEXT_SIZE_SCRIPT =
  `(function(){var k='${TEXT_SIZE_KEY}',s=['${TEXT_SIZES.join("','")}'];try{var v=localStorage.getItem(k),r=s.indexOf(v)>=0&&document.getElementById(k+'-'+v);` +
  `if(r)r.checked=true;addEventListener('change',function(e){var t=e.target;if(t&&t.name===k)localStorage.setItem(k,t.id.slice(k.length+1))})}catch(e){}})()`;

/** `sha256-…` of the script, for `script-src`. */
export const TEXT_SIZE_SCRIPT_HASH = `sha256-${createHash('sha256').update(TEXT_SIZE_SCRIPT, 'utf8').digest('base64')}` as const;
