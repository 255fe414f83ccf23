// The one island on the search page: changing the sort re-runs the search at once, and facet links
// replace the results in place (falling back to a normal page load). Without JavaScript the form's
// Search button and the links do the same with full page loads.
export const SEARCH_ISLAND = `(() => {
  const form = document.querySelector('form[data-island="search"]');
  if (!form) return;
  const sort = form.querySelector('select[name="sort"]');
  if (sort) sort.addEventListener("change", () => form.requestSubmit());
  const swap = async (url) => {
    const res = await fetch(url, { headers: { accept: "text/html" } });
    if (!res.ok) { location.href = url; return; }
    const doc = new DOMParser().parseFromString(await res.text(), "text/html");
    const main = doc.querySelector("main");
    if (!main) { location.href = url; return; }
    document.querySelector("main").replaceWith(main);
    history.pushState(null, "", url);
  };
  document.addEventListener("click", (e) => {
    const a = e.target instanceof Element ? e.target.closest(".facets a, .pages a") : null;
    if (!a || e.metaKey || e.ctrlKey || e.shiftKey) return;
    e.preventDefault();
    swap(a.href).catch(() => { location.href = a.href; });
  });
  addEventListener("popstate", () => location.reload());
})();`;
