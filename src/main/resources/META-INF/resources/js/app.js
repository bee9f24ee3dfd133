// Hash router: #/<page>[/<id>][?key=value]. Renders the nav from PAGES and mounts one page module at a time.
import { PAGES } from './pages.js';
import { h } from './lib/dom.js';
import { apiKey, setApiKey, keyRefusal } from './lib/api.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
let current = null;

for (const p of PAGES) {
  nav.append(h('li', {}, h('a', { href: `#/${p.id}`, id: `nav-${p.id}` }, p.title)));
}

export function parseHash(hash) {
  const [path, query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [id, ...rest] = path.split('/');
  return { id: id || PAGES[0].id, sub: rest.join('/') || null, query: new URLSearchParams(query) };
}

async function route() {
  const { id, sub, query } = parseHash(location.hash);
  const page = PAGES.find(p => p.id === id) || PAGES[0];
  for (const a of nav.querySelectorAll('a')) {
    if (a.id === `nav-${page.id}`) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  if (current?.unmount) current.unmount();
  main.replaceChildren();
  document.title = `${page.title} · GridPivot`;
  const container = h('div', { class: 'page', id: `page-${page.id}`, 'data-page': page.id });
  main.append(container);
  try {
    current = await page.load();
    await current.mount(container, { sub, query });
    container.dataset.ready = 'true';
  } catch (e) {
    container.append(h('p', { class: 'error', role: 'alert', id: 'page-error' }, `This page could not be shown. ${keyRefusal(e) || e.message || e}`));
    container.dataset.ready = 'error';
  }
}

// The API key: asked for once, kept in this browser; a 401 or 403 from any call brings the field into focus.
const keyForm = document.getElementById('key-form');
const keyInput = document.getElementById('api-key');
const keyStatus = document.getElementById('key-status');
keyInput.value = apiKey();
keyStatus.textContent = apiKey() ? 'Key set' : '';
keyForm.addEventListener('submit', e => {
  e.preventDefault();
  setApiKey(keyInput.value);
  keyStatus.textContent = keyInput.value ? 'Key set' : 'No key';
  route();
});
window.addEventListener('gridpivot:auth', e => {
  keyStatus.textContent = keyRefusal(e.detail);
  keyForm.classList.add('needs-key');
  if (e.detail.status === 401) keyInput.focus();
});

window.addEventListener('hashchange', route);
route();
