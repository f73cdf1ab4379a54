// Suggestions under the search box, from /api/suggest, with the keyboard as well as the mouse.
// Without this script the box is a plain form that submits to /search/; with it, the box is an
// ARIA combobox: arrow keys move through the list, Enter opens the chosen suggestion's search,
// Escape closes the list. A static file, so the site's Content Security Policy (script-src 'self')
// lets it run; nothing inline.
(function () {
  "use strict";

  var WAIT_MS = 120; // typing faster than this asks once, for the last prefix
  var counter = 0;

  function enhance(form) {
    var input = form.querySelector('input[name="q"]');
    if (!input) return;
    counter += 1;
    var list = document.createElement("ul");
    list.id = "search-suggestions-" + counter;
    list.className = "search-suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "搜索建议");
    list.hidden = true;
    form.classList.add("has-suggestions");
    form.appendChild(list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("autocomplete", "off");

    var items = [];
    var active = -1;
    var timer = null;
    var asked = 0;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function choose(index) {
      active = index;
      items.forEach(function (item, i) {
        item.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      if (index >= 0) input.setAttribute("aria-activedescendant", items[index].id);
      else input.removeAttribute("aria-activedescendant");
    }

    function show(suggestions) {
      list.textContent = "";
      items = suggestions.map(function (suggestion, i) {
        var item = document.createElement("li");
        item.id = list.id + "-" + i;
        item.className = "search-suggestion search-suggestion-" + suggestion.kind;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.dataset.url = suggestion.url;
        item.textContent = suggestion.text; // text, never markup
        item.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keep the focus in the box
          window.location.assign(suggestion.url);
        });
        list.appendChild(item);
        return item;
      });
      active = -1;
      list.hidden = items.length === 0;
      input.setAttribute("aria-expanded", items.length ? "true" : "false");
    }

    function ask() {
      var typed = input.value.trim();
      if (!typed) {
        close();
        return;
      }
      var mine = ++asked;
      fetch("/api/suggest?q=" + encodeURIComponent(typed), { headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.ok ? response.json() : { suggestions: [] };
        })
        .then(function (body) {
          if (mine === asked) show(body.suggestions || []);
        })
        .catch(close);
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(ask, WAIT_MS);
    });
    input.addEventListener("keydown", function (event) {
      if (list.hidden || !items.length) return;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        choose((active + 1) % items.length);
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        choose(active <= 0 ? items.length - 1 : active - 1);
      } else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        window.location.assign(items[active].dataset.url);
      } else if (event.key === "Escape") {
        event.preventDefault();
        close();
      }
    });
    input.addEventListener("blur", close);
  }

  Array.prototype.forEach.call(document.querySelectorAll('form[role="search"]'), enhance);
})();
