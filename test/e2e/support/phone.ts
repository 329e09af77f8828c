/// <reference lib="dom" />
import type { Locator, Page } from 'playwright-core';

/**
 * What a person on a phone meets, measured in the page: text that is cut or split inside a word, things to
 * press that are smaller than a finger, a focus ring that is clipped or too faint. Each returns the
 * offenders (empty = fine), so a failing test names them.
 */

export interface Offender {
  what: string;
  text: string;
  detail: string;
}

/**
 * Texts inside `root` (card labels, choice and toggle titles, fact titles) that a person cannot read whole:
 * wider than their box (cut, or ended with "…") or broken across lines inside a word ("Milloi/n").
 */
export async function cutTexts(root: Locator, selector: string): Promise<Offender[]> {
  return root.evaluate((rootEl, sel) => {
    const found: Array<{ what: string; text: string; detail: string }> = [];
    for (const el of Array.from(rootEl.querySelectorAll<HTMLElement>(sel))) {
      const text = (el.innerText ?? '').trim();
      if (!text || el.getClientRects().length === 0) continue;
      for (const box of [el, ...Array.from(el.querySelectorAll<HTMLElement>('*'))]) {
        if (box.scrollWidth > box.clientWidth + 1 && getComputedStyle(box).overflowX !== 'visible') {
          found.push({ what: sel, text, detail: `cut: scrollWidth ${box.scrollWidth} > clientWidth ${box.clientWidth}` });
          break;
        }
      }
      // Each word on one line: a word whose glyphs lie on two lines was split inside it.
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const value = node.nodeValue ?? '';
        for (const match of value.matchAll(/[^\s\-–—/]+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index!);
          range.setEnd(node, match.index! + match[0].length);
          const tops = new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top)));
          if (tops.size > 1) found.push({ what: sel, text, detail: `word "${match[0]}" split over ${tops.size} lines` });
        }
      }
    }
    return found;
  }, selector);
}

/**
 * Things to press inside `root` that are lower or narrower than `min` CSS pixels. A checkbox or radio counts
 * with its label (pressing the label toggles it); hidden helpers for screen readers are not targets.
 */
export async function smallTargets(page: Page, root: string, min = 44): Promise<Offender[]> {
  return page.locator(root).evaluate((rootEl, minimum) => {
    const found: Array<{ what: string; text: string; detail: string }> = [];
    const controls = rootEl.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, [role="button"]');
    for (const el of Array.from(controls)) {
      if (el.closest('.webchat__live-region-transcript, .webchat__keyboard-help, [aria-hidden="true"]')) continue;
      const own = el.getBoundingClientRect();
      if (own.width === 0 || own.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      const input = el as HTMLInputElement;
      let rect = { width: own.width, height: own.height };
      if (input.type === 'checkbox' || input.type === 'radio') {
        const label = input.id ? rootEl.querySelector<HTMLElement>(`label[for="${CSS.escape(input.id)}"]`) : null;
        if (label) {
          const l = label.getBoundingClientRect();
          const left = Math.min(own.left, l.left);
          const top = Math.min(own.top, l.top);
          rect = { width: Math.max(own.right, l.right) - left, height: Math.max(own.bottom, l.bottom) - top };
        }
      }
      if (rect.height < minimum - 0.5 || rect.width < minimum - 0.5) {
        const name = el.getAttribute('aria-label') || el.innerText || input.type || el.tagName;
        found.push({ what: `${el.tagName.toLowerCase()}${input.type ? `[${input.type}]` : ''}`, text: name.trim(), detail: `${Math.round(rect.width)}×${Math.round(rect.height)} px` });
      }
    }
    return found;
  }, min);
}

export interface FocusRing {
  /** What has the focus: tag and name. */
  element: string;
  /** The drawn ring's colour against white (WCAG contrast ratio), 0 when nothing is drawn. */
  contrastOnWhite: number;
  /** Ancestors whose clipping cuts the ring (an empty list = the whole ring shows). */
  clippedBy: string[];
}

/** The focused element's visible focus indicator: outline colour and width, and whether an ancestor clips it. */
export async function focusRing(page: Page): Promise<FocusRing> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { element: 'nothing', contrastOnWhite: 0, clippedBy: [] };
    const style = getComputedStyle(el);
    const width = parseFloat(style.outlineWidth) || 0;
    const offset = parseFloat(style.outlineOffset) || 0;
    const drawn = style.outlineStyle !== 'none' && width > 0;
    // (No named helper functions in page code: tsx would wrap them in a __name() the page does not have.)
    const channels = (style.outlineColor.match(/[\d.]+/g) ?? []).map(Number);
    const alpha = channels[3] ?? 1;
    const [r, g, b] = channels.slice(0, 3).map((c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4)) as [number, number, number];
    const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    const contrast = drawn && alpha > 0.99 ? 1.05 / (luminance + 0.05) : 0;
    const rect = el.getBoundingClientRect();
    const grow = Math.max(0, offset + width);
    const ring = { left: rect.left - grow, top: rect.top - grow, right: rect.right + grow, bottom: rect.bottom + grow };
    const clippedBy: string[] = [];
    for (let a = el.parentElement; a && drawn; a = a.parentElement) {
      const s = getComputedStyle(a);
      if ([s.overflowX, s.overflowY].every((o) => o === 'visible')) continue;
      const box = a.getBoundingClientRect();
      if (ring.left < box.left - 0.5 || ring.right > box.right + 0.5 || ring.top < box.top - 0.5 || ring.bottom > box.bottom + 0.5) {
        clippedBy.push(`${a.tagName.toLowerCase()}.${String(a.className).split(' ')[0]}`);
      }
    }
    const name = el.getAttribute('aria-label') || el.innerText?.slice(0, 40) || '';
    return { element: `${el.tagName.toLowerCase()} ${name}`.trim(), contrastOnWhite: Math.round(contrast * 100) / 100, clippedBy };
  });
}

/**
 * The message Web Chat's transcript has as focused (its aria-activedescendant), as text ('' when the focus
 * is elsewhere), and whether the focus frame drawn around that message shows (a visible border).
 */
export async function focusedMessage(page: Page): Promise<{ text: string; framed: boolean }> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (!active?.classList.contains('webchat__basic-transcript')) return { text: '', framed: false };
    const id = active.getAttribute('aria-activedescendant');
    const descendant = id ? document.getElementById(id) : null;
    const message = descendant?.closest('.webchat__basic-transcript__activity') as HTMLElement | null;
    const frame = message?.querySelector('.webchat__basic-transcript__activity-indicator--focus');
    const style = frame ? getComputedStyle(frame) : undefined;
    const framed = Boolean(style && style.borderTopStyle !== 'none' && parseFloat(style.borderTopWidth) > 0);
    return { text: message?.innerText ?? '', framed };
  });
}

/** A text's colour against the background it sits on (the nearest ancestor with an opaque background). */
export async function textContrast(target: Locator): Promise<number> {
  return target.evaluate((el) => {
    // Relative luminance of "rgb(…)" / "rgba(…)" strings, written inline (see focusRing).
    const channelsOf = [(c: string) => (c.match(/[\d.]+/g) ?? []).map(Number)][0]!;
    let bg: number[] = [255, 255, 255];
    for (let a: HTMLElement | null = el as HTMLElement; a; a = a.parentElement) {
      const c = channelsOf(getComputedStyle(a).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3]! > 0.99)) {
        bg = c;
        break;
      }
    }
    const [l1, l2] = [channelsOf(getComputedStyle(el).color), bg]
      .map((rgb) => rgb.slice(0, 3).map((c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4)))
      .map(([r = 0, g = 0, b = 0]) => 0.2126 * r + 0.7152 * g + 0.0722 * b)
      .sort((x, y) => y - x) as [number, number];
    return Math.round(((l1 + 0.05) / (l2 + 0.05)) * 100) / 100;
  });
}
