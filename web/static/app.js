// vnsearch page enhancements. The page works without this script: it only
// adds suggest-as-you-type, the "/" shortcut, a "back" that keeps the
// results, and submits the form when the "Chỉ điển hình" or grouping option
// changes.
(function () {
  "use strict";
  // "Back to the search" returns to the very results page, scroll included.
  var back = document.querySelector(".js-back");
  if (back && document.referrer.indexOf(location.origin + "/?") === 0) {
    back.addEventListener("click", function (e) { e.preventDefault(); history.back(); });
  }

  var input = document.getElementById("q");
  var list = document.getElementById("suggestions");
  var form = document.getElementById("search-form");
  if (!input || !list || !form) return;

  var active = -1, timer = 0, seq = 0;

  function options() { return list.querySelectorAll("li"); }

  function close() {
    list.hidden = true;
    list.textContent = "";
    active = -1;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
  }

  function highlight(i) {
    var opts = options();
    if (!opts.length) return;
    active = (i + opts.length) % opts.length;
    opts.forEach(function (li, j) { li.setAttribute("aria-selected", j === active ? "true" : "false"); });
    input.setAttribute("aria-activedescendant", opts[active].id);
  }

  function choose(text) {
    input.value = text;
    close();
    form.submit();
  }

  function show(items) {
    list.textContent = "";
    items.forEach(function (text, i) {
      var li = document.createElement("li");
      li.id = "suggestion-" + i;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.textContent = text;
      li.addEventListener("mousedown", function (e) { e.preventDefault(); choose(text); });
      list.appendChild(li);
    });
    list.hidden = items.length === 0;
    input.setAttribute("aria-expanded", items.length ? "true" : "false");
    active = -1;
  }

  function fetchSuggestions() {
    var q = input.value;
    if (q.trim().length < 2) { close(); return; }
    var mine = ++seq;
    fetch("/api/suggest?q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
      .then(function (data) {
        if (mine !== seq || document.activeElement !== input) return;
        show((data.suggestions || []).filter(function (s) { return s !== q; }));
        list.setAttribute("data-for", q);
      })
      .catch(close);
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, 120);
  });
  input.addEventListener("keydown", function (e) {
    if (list.hidden) return;
    if (e.key === "ArrowDown") { e.preventDefault(); highlight(active + 1); }
    else if (e.key === "ArrowUp") { e.preventDefault(); highlight(active - 1); }
    else if (e.key === "Escape") { close(); }
    // Enter keeps its default, the form's own submission, with the chosen
    // suggestion as the query: submitting here as well would start a second
    // navigation that aborts the first.
    else if (e.key === "Enter" && active >= 0) { input.value = options()[active].textContent; close(); }
  });
  input.addEventListener("blur", function () { setTimeout(close, 100); });

  document.addEventListener("keydown", function (e) {
    var t = e.target;
    if (e.key === "/" && t !== input && !/^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName) && !t.isContentEditable) {
      e.preventDefault();
      input.focus();
      input.select();
    }
  });

  var example = form.querySelector("input[name=example]");
  if (example) example.addEventListener("change", function () { form.submit(); });
  var group = form.querySelector("input[name=group]");
  if (group) group.addEventListener("change", function () { if (input.value.trim()) form.submit(); });
})();
