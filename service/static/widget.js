/* Morelike widget: renders "You might also like" blocks and reports impressions and clicks.
 *   <div data-morelike-article="ID"></div>
 *   <script async src="https://SERVICE/widget.js"></script>
 * The service's address is this script's own. Options on the div: data-morelike-limit,
 * -section, -language, -exclude, -fallback (as the JSON API), -link ("/read/{id}": links to
 * your own route). On the script: data-morelike-timeout (ms, default 3000). Whatever goes
 * wrong (service down, slow, no list), the div stays empty and nothing is thrown. */
(function (w, d) {
  "use strict";
  var me = d.currentScript;
  if (!me || !w.fetch || !w.URL || !w.Promise) return;
  var base = new URL(".", me.src).href;
  var timeout = +me.getAttribute("data-morelike-timeout") || 3000;
  var CSS = "__MORELIKE_CSS__";
  var PARAMS = ["limit", "section", "language", "exclude", "fallback"];
  var count = 0;
  var sheet;

  function el(tag, cls, text) {
    var e = d.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  function web(url) {
    try {
      var u = new URL(url, location.href);
      return /^https?:$/.test(u.protocol) ? u.href : null;
    } catch (e) {
      return null;
    }
  }

  function style(root) {
    try {
      sheet = sheet || new CSSStyleSheet();
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet]; // CSSOM: allowed by a strict style-src, unlike <style>
    } catch (e) {
      root.appendChild(el("style", "", CSS));
    }
  }

  function send(events) {
    var url = base + "v1/events";
    var body = JSON.stringify({ events: events }); // text/plain: no preflight, no cookies read
    try {
      if (navigator.sendBeacon && navigator.sendBeacon(url, body)) return;
      fetch(url, { method: "POST", body: body, keepalive: true, mode: "no-cors", credentials: "omit" })
        .catch(function () {});
    } catch (e) {}
  }

  function event(sec, type, li) {
    return {
      type: type,
      article: sec.getAttribute("data-morelike-article"),
      item: li.getAttribute("data-item"),
      position: +li.getAttribute("data-position"),
      reason: li.getAttribute("data-reason"),
      list_id: sec.getAttribute("data-morelike-list"),
    };
  }

  function track(sec) {
    sec.setAttribute("data-morelike-tracked", "");
    var cards = [].slice.call(sec.querySelectorAll("[data-position]"));
    if (w.IntersectionObserver) {
      var seen = new IntersectionObserver(function (entries) {
        var e = entries[entries.length - 1];
        if (e.intersectionRatio >= 0.5 || e.intersectionRect.height >= w.innerHeight / 2) {
          seen.disconnect();
          send(cards.map(function (li) { return event(sec, "impression", li); }));
        }
      }, { threshold: [0, 0.25, 0.5] });
      seen.observe(sec);
    }
    function click(e) {
      var li = e.target.closest && e.target.closest("[data-position]");
      if (li && e.button < 2) send([event(sec, "click", li)]);
    }
    sec.addEventListener("click", click);
    sec.addEventListener("auxclick", click);
  }

  function block(host, data, n) {
    var id = "morelike-" + ++count;
    var sec = el("section", data ? "morelike" : "morelike morelike--loading");
    var h = el("h2", "morelike__heading", data ? data.heading : "\u00a0");
    var ul = el("ul", "morelike__list");
    var items = data ? data.items : [];
    var link = host.getAttribute("data-morelike-link");
    while (!data && items.length < n) items.push({});
    h.id = id;
    sec.setAttribute("aria-labelledby", id);
    ul.setAttribute("role", "list");
    if (data) {
      sec.lang = data.lang;
      sec.setAttribute("data-morelike-article", data.article);
      sec.setAttribute("data-morelike-list", data.list_id);
    } else sec.setAttribute("aria-hidden", "true");
    items.forEach(function (it) {
      var url = web(link && it.id ? link.replace("{id}", encodeURIComponent(it.id)) : it.url);
      if (data && !url) return;
      var li = el("li", "morelike__card");
      var a = el("a", "morelike__link");
      var media = el("span", "morelike__media");
      var img = data && it.image_url && web(it.image_url);
      var date = el("time", "morelike__date", it.date || "\u00a0");
      if (data) {
        li.setAttribute("data-item", it.id);
        li.setAttribute("data-position", it.position);
        li.setAttribute("data-reason", it.reason);
        a.href = url;
      }
      if (img) {
        var im = el("img", "morelike__image");
        im.alt = "";
        im.width = 320;
        im.height = 180;
        im.loading = "lazy";
        im.decoding = "async";
        im.addEventListener("error", function () { im.remove(); }); // the box stays, empty
        im.src = img;
        media.appendChild(im);
      }
      if (it.datetime) date.dateTime = it.datetime;
      a.append(media, el("h3", "morelike__title", it.title || "\u00a0"),
        el("span", "morelike__teaser", it.teaser || "\u00a0"), date);
      li.appendChild(a);
      ul.appendChild(li);
    });
    sec.append(h, ul);
    return ul.children.length ? sec : null;
  }

  function load(host) {
    host.setAttribute("data-morelike-state", "loading");
    var root = host;
    try {
      root = host.attachShadow({ mode: "open" }); // the page's CSS stays out; custom properties go in
    } catch (e) {}
    var query = PARAMS.map(function (p) {
      var v = host.getAttribute("data-morelike-" + p);
      return v ? p + "=" + encodeURIComponent(v) : "";
    }).filter(String).join("&");
    var url = base + "v1/articles/" + encodeURIComponent(host.getAttribute("data-morelike-article")) +
      "/related.amp.json" + (query ? "?" + query : "");
    var ctl = w.AbortController ? new AbortController() : null;
    var shown = block(host, null, +host.getAttribute("data-morelike-limit") || 4);
    var timer = setTimeout(function () { if (ctl) ctl.abort(); done(null); }, timeout);
    style(root);
    root.appendChild(shown); // the skeleton: the block's own size, so nothing below it moves

    function done(data) {
      if (host.getAttribute("data-morelike-state") !== "loading") return;
      clearTimeout(timer);
      host.setAttribute("data-morelike-state", data ? "empty" : "failed");
      try {
        var next = data && data.items && data.items.length ? block(host, data) : null;
        if (next) {
          root.replaceChild(next, shown);
          host.setAttribute("data-morelike-state", "shown");
          track(next);
        } else root.removeChild(shown);
      } catch (e) {}
    }
    fetch(url, { credentials: "omit", signal: ctl ? ctl.signal : undefined })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(done, function () { done(null); });
  }

  function scan() {
    [].forEach.call(d.querySelectorAll("[data-morelike-article]"), function (host) {
      try {
        if (host.hasAttribute("data-morelike-list")) {
          if (!host.hasAttribute("data-morelike-tracked")) track(host); // a server-side fragment
        } else if (!host.hasAttribute("data-morelike-state")) load(host);
      } catch (e) {}
    });
  }

  w.morelike = { scan: scan };
  scan();
  if (d.readyState === "loading") d.addEventListener("DOMContentLoaded", scan);
})(window, document);
