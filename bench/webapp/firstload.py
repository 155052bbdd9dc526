#!/usr/bin/env python3
"""First load of the web app's pricing page in headless Chromium, through chromedriver's W3C WebDriver
protocol (standard library only). Each run is a new browser profile: sign in through the form, clear
the cache, then open /app/#/price cold and read the page's own timing marks."""
import argparse, base64, json, statistics, sys, time, urllib.request

ELEMENT = 'element-6066-11e4-a52e-4f735466cecf'


class Session:
    def __init__(self, driver, chromium):
        self.driver = driver
        caps = {'capabilities': {'alwaysMatch': {'browserName': 'chrome', 'goog:chromeOptions': {
            'binary': chromium, 'args': ['--headless=new', '--no-sandbox', '--disable-gpu', '--window-size=1280,800',
                                         '--lang=en-US', '--no-first-run', '--disable-extensions']}}}}
        self.id = self.call('POST', '/session', caps)['sessionId']

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.driver + path, data=data, method=method,
                                         headers={'Content-Type': 'application/json'})
        with urllib.request.urlopen(request, timeout=60) as answer:
            value = json.load(answer)['value']
        if isinstance(value, dict) and 'error' in value:
            raise RuntimeError(value)
        return value

    def s(self, method, path, body=None):
        return self.call(method, f'/session/{self.id}{path}', body)

    def go(self, url):
        self.s('POST', '/url', {'url': url})

    def js(self, script, *args):
        return self.s('POST', '/execute/sync', {'script': script, 'args': list(args)})

    def cdp(self, cmd, params=None):
        return self.s('POST', '/goog/cdp/execute', {'cmd': cmd, 'params': params or {}})

    def element(self, css, timeout=30):
        end = time.time() + timeout
        while True:
            try:
                return self.s('POST', '/element', {'using': 'css selector', 'value': css})[ELEMENT]
            except (RuntimeError, urllib.error.HTTPError):
                if time.time() > end:
                    raise
                time.sleep(0.02)

    def type(self, css, text):
        self.s('POST', f'/element/{self.element(css)}/value', {'text': text})

    def click(self, css):
        self.s('POST', f'/element/{self.element(css)}/click', {})

    def close(self):
        self.s('DELETE', '')


def rendered(session, timeout=30):
    """The page's marks (ms after navigation start): the pricing form on screen and usable
    ('view-rendered'), and filled with the policy tables' levels, areas and premium skills
    ('price-form-complete')."""
    end = time.time() + timeout
    while time.time() < end:
        marks = session.js("const v = performance.getEntriesByName('view-rendered');"
                           "const c = performance.getEntriesByName('price-form-complete');"
                           "return v.length && c.length && document.getElementById('price-form')"
                           " ? [v[v.length - 1].startTime, c[c.length - 1].startTime] : null")
        if marks is not None:
            return marks
        time.sleep(0.01)
    shown = session.js("return document.getElementById('main').innerText.slice(0, 300)")
    raise RuntimeError(f'the pricing page did not render; the page shows: {shown!r}')


PAGE_FIGURES = """
const nav = performance.getEntriesByType('navigation')[0];
const res = performance.getEntriesByType('resource');
const assets = res.filter(r => /\\/app\\/.*\\.(js|css)$/.test(r.name));
return {
  domContentLoaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd,
  requests: res.length + 1, apiCalls: res.filter(r => r.name.includes('/api/')).length,
  assetFiles: assets.length, assetTransfer: assets.reduce((s, r) => s + r.transferSize, 0),
  assetDecoded: assets.reduce((s, r) => s + r.decodedBodySize, 0),
  allTransfer: res.reduce((s, r) => s + r.transferSize, 0) + nav.transferSize,
};"""


def main():
    args = argparse.ArgumentParser()
    args.add_argument('--base', required=True)
    args.add_argument('--driver', required=True)
    args.add_argument('--chromium', default='/usr/bin/chromium')
    args.add_argument('--user', default='admin')
    args.add_argument('--password', required=True)
    args.add_argument('--runs', type=int, default=10)
    a = args.parse_args()
    cold, warm, figures = [], [], None
    for run in range(a.runs):
        session = Session(a.driver, a.chromium)
        try:
            session.go(a.base + '/')
            session.type('#login-username', a.user)
            session.type('#login-password', a.password)
            session.click('#login-submit')
            rendered(session)
            # cold: no cached file, the session resumed from the refresh cookie (as on opening a bookmark)
            session.cdp('Network.clearBrowserCache')
            session.go('about:blank')
            session.go(a.base + '/app/#/price')
            cold.append(rendered(session))
            figures = session.js(PAGE_FIGURES)
            # warm: the same page opened again, files revalidated by ETag
            session.go('about:blank')
            session.go(a.base + '/app/#/price')
            warm.append(rendered(session))
        finally:
            session.close()
        print(f'run {run + 1}: cold {cold[-1][0]:.0f} / {cold[-1][1]:.0f} ms, warm {warm[-1][0]:.0f} / {warm[-1][1]:.0f} ms',
              file=sys.stderr)
    q = lambda xs, p: sorted(xs)[min(len(xs) - 1, int(round(p * (len(xs) - 1))))]
    stats = lambda xs: {'median': round(statistics.median(xs)), 'p90': round(q(xs, 0.9)), 'max': round(max(xs))}
    print(json.dumps({
        'runs': a.runs,
        'cold_form_shown_ms': stats([c[0] for c in cold]),
        'cold_form_complete_ms': stats([c[1] for c in cold]),
        'warm_form_shown_ms': stats([w[0] for w in warm]),
        'warm_form_complete_ms': stats([w[1] for w in warm]),
        'last_cold_load': figures,
    }, indent=2))


if __name__ == '__main__':
    main()
