"""`has_captcha`: whether a person has to prove they are one before the form goes out."""

from __future__ import annotations

import re

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Frame, Page

# Frames the CAPTCHA vendors load their widgets from.
FRAME_URLS = (
    ("recaptcha", re.compile(r"//(www\.)?(google\.com|recaptcha\.net)/recaptcha/", re.I)),
    ("hcaptcha", re.compile(r"//([\w-]+\.)?hcaptcha\.com/", re.I)),
    ("turnstile", re.compile(r"//challenges\.cloudflare\.com/", re.I)),
)

# In each frame: the vendors' widget markup, script URLs and globals.
FIND_CAPTCHA_JS = r"""
() => {
  const has = (selector) => document.querySelector(selector) !== null;
  const sources = [...document.querySelectorAll('script[src], iframe[src]')]
    .map((el) => el.src || '');
  const loads = (pattern) => sources.some((src) => pattern.test(src));
  const recaptcha = [
    '.g-recaptcha', '.grecaptcha-badge', 'textarea[name="g-recaptcha-response"]',
  ].join(', ');
  const hcaptcha = [
    '.h-captcha', '[data-hcaptcha-widget-id]', '[name="h-captcha-response"]',
  ].join(', ');
  const turnstile = [
    '.cf-turnstile', '[name="cf-turnstile-response"]', '[id^="turnstile"]', '[id*="-turnstile"]',
  ].join(', ');
  if (has(recaptcha) || typeof window.grecaptcha !== 'undefined'
      || loads(/\/\/(www\.)?(google\.com|recaptcha\.net|gstatic\.com)\/recaptcha\//i)) {
    return 'recaptcha';
  }
  if (has(hcaptcha) || typeof window.hcaptcha !== 'undefined'
      || loads(/\/\/([\w-]+\.)?hcaptcha\.com\//i)) {
    return 'hcaptcha';
  }
  if (has(turnstile) || typeof window.turnstile !== 'undefined'
      || loads(/\/\/challenges\.cloudflare\.com\//i)) {
    return 'turnstile';
  }
  return '';
}
"""


def captcha_frame_kind(frame: Frame) -> str:
    """The kind of CAPTCHA a frame is the widget of, from its URL, or ""."""
    return next((kind for kind, pattern in FRAME_URLS if pattern.search(frame.url)), "")


def is_captcha_frame(frame: Frame) -> bool:
    return bool(captcha_frame_kind(frame))


async def has_captcha(page: Page) -> str:
    """The kind of CAPTCHA on the page in any frame ("recaptcha", "hcaptcha",
    "turnstile"), or "" when there is none."""
    for frame in page.frames:
        if kind := captcha_frame_kind(frame):
            return kind
        try:
            kind = await frame.evaluate(FIND_CAPTCHA_JS)
        except PlaywrightError:
            continue  # a frame that went away meanwhile
        if kind:
            return kind
    return ""
