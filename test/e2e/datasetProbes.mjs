// Probes of the dataset webview (run inside its frame by Playwright's evaluate, so each is self-contained) and the
// conditions the checks wait for.

/** Runs in the dataset webview: the gallery's cells, those on screen, and those on screen with a loaded thumbnail. */
export function galleryProbe() {
  const cells = [...document.querySelectorAll('.gallery-cell')];
  const inView = cells.filter((c) => {
    const r = c.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight;
  });
  const loaded = inView.filter((c) => {
    const img = c.querySelector('img');
    return img && img.complete && img.naturalWidth > 0;
  });
  return { cells: cells.length, visible: inView.length, loaded: loaded.length };
}

/** Runs in the dataset webview: the detail view's size, title, position, images and canvases. */
export function detailProbe() {
  const view = document.querySelector('.detail-view');
  const box = view?.getBoundingClientRect();
  const images = view ? [...view.querySelectorAll('img')] : [];
  const canvases = view ? [...view.querySelectorAll('canvas')] : [];
  // An <img> without src counts as complete, and a layer canvas is 1×1 until drawn: wait for real pixels in both.
  const loaded = images.filter((img) => !!img.getAttribute('src') && img.complete && img.naturalWidth > 0);
  return {
    detailView: !!view && !view.hidden,
    size: box ? `${Math.round(box.width)}×${Math.round(box.height)}` : null,
    title: view?.querySelector('.detail-title')?.textContent ?? null,
    position: view?.querySelector('.detail-position')?.textContent ?? null,
    images: images.length,
    loaded: loaded.length,
    canvases: canvases.map((c) => `${c.width}×${c.height}`),
    layers: canvases.map((c) => c.dataset.layer),
  };
}

/** True when detailProbe saw a shown detail view with every image loaded and every canvas drawn. */
export function detailDrawn(s) {
  return s.detailView && parseInt(s.size, 10) >= 100 && s.images > 0 && s.loaded === s.images && s.canvases.length > 0 && s.canvases.every((c) => !/^[01]×|×[01]$/.test(c));
}
