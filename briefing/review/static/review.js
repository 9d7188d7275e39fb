// The review page: edits the draft in memory, redraws the A4 preview, and PUTs the whole draft back
// (with the session token, and the version of the file it started from) after every change. Every edit
// can be undone and redone; a change made to the file outside the page is shown, never overwritten
// silently. Plain DOM, no framework, no build step.
"use strict";
(function () {
  const token = document.querySelector('meta[name="briefing-token"]').content;
  const HEAD = [["title", "标题"], ["issue", "期号"], ["total_issue", "总期号"], ["unit", "编印单位"],
    ["date", "印发日期"], ["classification", "密级"], ["copies", "印发份数"]];
  const MORE = "附：本期其他报道";  // the group name of dropped 附 entries
  let draft = null, timer = null, edits = 0, queue = Promise.resolve(), version = null, saving = false;
  let current = null, history = [], future = [], lastField = null, lastTime = 0, conflict = false;
  // The source articles' texts stay out of the edited draft (and so out of every undo step): kept here
  // by article, shown on request, and put back into the draft each time it is saved.
  const texts = new Map(), opened = new Set();

  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;  // never innerHTML: article text stays text
    return node;
  }
  function button(cls, text, onclick) {
    const node = el("button", cls, text);
    node.type = "button";
    node.onclick = onclick;
    return node;
  }
  function status(text, bad) {
    const node = document.getElementById("status");
    node.textContent = text;
    node.classList.toggle("error", !!bad);
  }
  function lines(text) { return text.split("\n").map(s => s.trim()).filter(Boolean); }
  function words(text) { return text.split(/[、，,;；\s]+/).map(s => s.trim()).filter(Boolean); }
  function move(list, i, by) {
    const j = i + by;
    if (j < 0 || j >= list.length) return false;
    list.splice(j, 0, list.splice(i, 1)[0]);
    return true;
  }
  function allItems() { return [...draft.sections.flatMap(s => s.items), ...(draft.more || [])]; }
  function everySource(data) {  // the sources of items in full, in 附 and dropped
    const items = [...(data.sections || []).flatMap(s => s.items), ...(data.more || []),
      ...(data.dropped || []).flatMap(g => g.items)];
    return items.flatMap(item => item.sources || []);
  }
  function textKey(source) { return [source.id || "", source.title || "", source.date || ""].join("\u0001"); }
  function sentences(paragraphs) {  // a text's sentences, for a reviewer to pick a summary from
    return (paragraphs || []).flatMap(p => p.split(/(?<=[。！？])/)).map(s => s.trim()).filter(s => s.length > 1);
  }

  // --- loading, saving, the outside change ---
  async function load() {
    const response = await fetch("/api/draft", {headers: {"X-Briefing-Token": token}});
    version = response.headers.get("ETag");
    adopt(await response.json());
    current = JSON.stringify(draft);
    draw();
    status("已保存");
    number();
    setInterval(watch, 2000);
  }
  const ORIGIN = {again: "本期已发布过，沿用原期号", config: "配置文件指定的期号", draft: "草稿中手工设定的期号",
    counter: "期号计数器的下一期", first: "草稿自带的期号，计数器由此起算"};
  async function number() {  // what `render --publish` would print now
    const response = await fetch("/api/publish-number", {headers: {"X-Briefing-Token": token}}).catch(() => null);
    if (!response || !response.ok) return;
    const next = await response.json(), node = document.getElementById("publish-number");
    if (node) node.textContent = "发布时编为第" + next.issue + "期（总第" + next.total + "期）：" + ORIGIN[next.origin];
  }
  function adopt(data) {
    draft = data;
    for (const source of everySource(draft)) {
      if (Array.isArray(source.text) && source.text.length) texts.set(textKey(source), source.text);
      delete source.text;
    }
    for (const key of ["dropped", "more", "leaders", "highlights", "keywords", "closing"]) draft[key] = draft[key] || [];
    if (draft.print_rule === undefined) draft.print_rule = true;
    if (draft.print_counts === undefined) draft.print_counts = true;
  }
  // Every edit goes through here: one step of undo (typing in one field within 1.5 s is one step).
  function changed(redraw, field) {
    const now = JSON.stringify(draft);
    if (now === current) return;
    const typing = field && field === lastField && Date.now() - lastTime < 1500;
    if (!typing) history.push(current);
    future = [];
    current = now;
    lastField = field || null;
    lastTime = Date.now();
    after(redraw);
  }
  function after(redraw) {
    edits += 1;
    if (redraw) drawEditor();
    drawPaper();
    drawTools();
    status("保存中…");
    clearTimeout(timer);
    timer = setTimeout(save, 300);
  }
  function step(from, to) {  // undo: from history to future; redo: back
    if (!from.length) return;
    to.push(current);
    current = from.pop();
    adopt(JSON.parse(current));
    lastField = null;
    after(true);
  }
  function undo() { step(history, future); }
  function redo() { step(future, history); }
  function save(leaving) {
    clearTimeout(timer);
    timer = null;
    if (conflict) return queue;  // the reviewer chooses first
    const sent = edits, body = withTexts();
    saving = true;
    // keepalive lets a save outlive a closing tab, but browsers cap such bodies at 64 KB in all
    queue = queue.then(() => fetch("/api/draft", {method: "PUT", body: body, keepalive: !!leaving && body.length < 60000,
      headers: {"X-Briefing-Token": token, "Content-Type": "application/json", "If-Match": version}}))
      .then(async response => {
        const reply = await response.json().catch(() => ({}));
        if (response.status === 409) offer(reply, "本页修改尚未保存：草稿文件已在本页之外被修改。");
        else if (!response.ok) status("未保存：" + (reply.error || response.status), true);
        else {
          version = reply.version;
          if (sent === edits) { status("已保存"); number(); }
        }
      })
      .catch(error => status("未保存：" + error, true))
      .finally(() => { saving = false; });
    return queue;
  }
  function withTexts() {  // the draft as saved: each source with its article's text again (for the moment)
    const held = everySource(draft).filter(source => texts.has(textKey(source)));
    for (const source of held) source.text = texts.get(textKey(source));
    try { return JSON.stringify(draft); } finally { for (const source of held) delete source.text; }
  }
  async function watch() {  // a change made outside the page while it is open
    if (saving || timer || conflict) return;
    const response = await fetch("/api/version", {headers: {"X-Briefing-Token": token}}).catch(() => null);
    if (!response || !response.ok || saving || timer || conflict) return;
    const now = (await response.json()).version;
    if (now !== version) {
      const outside = await fetch("/api/outside", {headers: {"X-Briefing-Token": token}}).catch(() => null);
      if (!outside || !outside.ok || saving || timer || conflict) return;
      offer(await outside.json(), "草稿文件已在本页之外被修改。");
    }
  }
  function offer(reply, why) {
    conflict = true;
    const box = document.getElementById("notice");
    const take = button("take-outside", "载入文件中的版本", () => {  // the page's version stays one undo away
      history.push(current);
      future = [];
      adopt(reply.draft);
      current = JSON.stringify(draft);
      version = reply.version;
      settle();
      drawEditor(); drawPaper(); drawTools();
      status("已载入文件中的版本");
      });
    const keep = button("keep-page", "保留本页的版本（覆盖文件）", () => {
      version = reply.version;
      settle();
      save();
    });
    if (reply.draft) box.replaceChildren(el("span", "", why + " "), take, keep);
    else box.replaceChildren(el("span", "", why + "文件中的内容已不是有效的草稿（" + (reply.invalid || "") + "）。 "), keep);
    box.hidden = false;
    status("草稿文件已在外部修改", true);
  }
  function settle() {
    conflict = false;
    const box = document.getElementById("notice");
    box.hidden = true;
    box.replaceChildren();
  }

  // --- the editor ---
  function draw() { drawEditor(); drawPaper(); drawTools(); }
  function drawTools() {
    document.getElementById("undo").disabled = !history.length;
    document.getElementById("redo").disabled = !future.length;
    const missing = [!(draft.closing || []).length && "版记（报/送/发）", !draft.unit && "编印单位"].filter(Boolean);
    const warn = document.getElementById("warning");
    warn.textContent = missing.length ? "提示：本期没有" + missing.join("和") + "，Word 简报将缺少版记。" : "";
    warn.hidden = !missing.length;
  }

  function field(label, value, onInput, multi, id) {
    const box = el("label"), input = el(multi ? "textarea" : "input");
    if (!multi) input.type = label === "印发份数" ? "number" : (label.endsWith("日期") ? "date" : "text");
    input.value = value === null || value === undefined ? "" : value;
    if (id) input.id = id;
    input.addEventListener("input", () => { onInput(input.value); changed(false, id || input); });
    box.append(el("span", "", label), input);
    return [box, input];
  }
  function check(label, value, onChange, id) {
    const box = el("label", "check"), input = el("input");
    input.type = "checkbox";
    input.checked = value;
    input.id = id;
    input.addEventListener("change", () => { onChange(input.checked); changed(false); });
    box.append(input, el("span", "", label));
    return box;
  }

  function drawEditor() {
    const root = document.getElementById("editor");
    root.replaceChildren(drawHead(), drawHighlights());
    draft.sections.forEach((section, s) => root.append(drawSection(section, s)));
    root.append(drawMore(), drawLeaders(), drawKeywords());
    if (draft.dropped.some(group => group.items.length)) root.append(drawDropped());
    filter();
  }

  function drawHead() {
    const head = el("fieldset", "head");
    head.append(el("legend", "", "报头与编者按"));
    for (const [key, label] of HEAD) {
      head.append(field(label, draft[key], v => {
        draft[key] = key === "copies" ? (v === "" ? null : parseInt(v, 10) || null) : v;
        if (key === "issue") draft.issue_set = true;  // a number typed here is kept when publishing
      }, false, "f-" + key)[0]);
    }
    head.append(el("p", "hint", ""));
    head.lastChild.id = "publish-number";
    number();
    head.append(field("版记（每行一条）", draft.closing.join("\n"), v => { draft.closing = lines(v); }, true, "f-closing")[0],
      field("编者按", draft.editor_note || "", v => { draft.editor_note = v.trim(); }, true, "f-editor_note")[0],
      check("印出选编说明", draft.print_rule, v => { draft.print_rule = v; }, "f-print_rule"),
      check("印出稿件统计", draft.print_counts, v => { draft.print_counts = v; }, "f-print_counts"));
    return head;
  }

  function drawHighlights() {
    const box = el("fieldset", "highlights"), items = draft.sections.flatMap(s => s.items);
    box.append(el("legend", "", "本期要点"));
    draft.highlights.forEach((h, i) => {
      const row = el("div", "highlight"), pick = el("select", "pick"), text = el("textarea", "line");
      for (const item of items) {
        const option = el("option", "", item.title);
        option.value = item.key;
        option.selected = item.key === h.item;
        pick.append(option);
      }
      if (!items.some(item => item.key === h.item)) pick.prepend(Object.assign(el("option", "", "（条目已删去，不印出）"), {selected: true, value: h.item}));
      pick.onchange = () => {
        h.item = pick.value;
        const item = items.find(it => it.key === h.item);
        h.text = item && item.summary.length ? item.summary[0] : "";
        changed(true);
      };
      text.value = h.text;
      text.rows = 2;
      text.addEventListener("input", () => { h.text = text.value.trim(); changed(false, text); });
      row.append(el("b", "", (i + 1) + "．"), pick,
        button("up", "上移", () => { if (move(draft.highlights, i, -1)) changed(true); }),
        button("down", "下移", () => { if (move(draft.highlights, i, 1)) changed(true); }),
        button("remove", "删去", () => { draft.highlights.splice(i, 1); changed(true); }), text);
      box.append(row);
    });
    const free = items.filter(item => !draft.highlights.some(h => h.item === item.key));
    if (free.length) box.append(button("add-highlight", "增加一条要点", () => {
      draft.highlights.push({item: free[0].key, text: free[0].summary[0] || ""});
      changed(true);
    }));
    return box;
  }

  function drawSection(section, s) {
    const box = el("fieldset", "section");
    const legend = el("legend"), name = el("input", "section-name");
    name.value = section.name;
    name.addEventListener("input", () => { section.name = name.value; changed(false, name); });
    legend.append(name);
    box.append(legend);
    section.items.forEach((item, i) => box.append(drawItem(section, s, item, i)));
    return box;
  }

  function drawItem(section, s, item, i) {
    const box = el("div", "item"), tools = el("div", "tools");
    box.dataset.section = s;
    box.dataset.index = i;
    const moveTo = el("select", "move");
    draft.sections.forEach((other, o) => {
      const option = el("option", "", "移至 " + other.name);
      option.value = o;
      option.selected = o === s;
      moveTo.append(option);
    });
    moveTo.onchange = () => { draft.sections[+moveTo.value].items.push(section.items.splice(i, 1)[0]); changed(true); };
    tools.append(el("b", "", String(i + 1) + "．"),
      button("up", "上移", () => { if (move(section.items, i, -1)) changed(true); }),
      button("down", "下移", () => { if (move(section.items, i, 1)) changed(true); }),
      moveTo,
      button("merge", "并入上一条", () => { if (i > 0) { merge(section.items, i); changed(true); } }),
      mergeInto(section, item, i),
      button("split", "拆出末篇报道", () => { if (split(section.items, i)) changed(true); }),
      button("demote", "列入附", () => { draft.more.push(Object.assign(section.items.splice(i, 1)[0], {section: section.name})); changed(true); }),
      button("drop", "删去", () => { dropItem(section.name, section.items, i); changed(true); }));
    const title = el("input", "title");
    title.value = item.title;
    title.addEventListener("input", () => { retitle(item.title, title.value); item.title = title.value; changed(false, title); });
    const summary = el("textarea", "summary");
    summary.value = item.summary.join("\n");
    summary.rows = Math.max(2, item.summary.reduce((n, t) => n + Math.ceil(t.length / 36), 1));  // ~36 characters a line
    box.append(tools, title, summary, drawMeta(item));
    let cands = null;
    summary.addEventListener("input", () => { setSummary(item, lines(summary.value)); mark(cands, item); changed(false, summary); });
    if ((item.candidates || []).length) {
      cands = el("ol", "cands");
      cands.title = "点击句子加入或移出摘要（按重要性排序）；摘要是手写的时候，点击的句子替换它";
      for (const sentence of item.candidates) {
        const li = el("li", "", sentence);
        li.onclick = () => {
          const typed = item.summary.some(line => !item.candidates.includes(line));
          let next;
          if (typed) next = [sentence];  // a hand-written summary is replaced, not added to
          else {
            next = item.summary.slice();
            const at = next.indexOf(sentence);
            if (at >= 0) next.splice(at, 1); else next.push(sentence);
          }
          setSummary(item, next);
          changed(true);
        };
        cands.append(li);
      }
      mark(cands, item);
      box.append(cands);
    }
    return box;
  }
  function mergeInto(section, item, i) {  // 并入… any other item in full: one story told in two places
    const pick = el("select", "merge-into");
    pick.append(Object.assign(el("option", "", "并入…"), {value: ""}));
    for (const other of draft.sections.flatMap(s => s.items)) {
      if (other === item) continue;
      const option = el("option", "", other.title.length > 24 ? other.title.slice(0, 24) + "…" : other.title);
      option.value = other.key;
      pick.append(option);
    }
    pick.onchange = () => {
      const target = draft.sections.flatMap(s => s.items).find(other => other.key === pick.value);
      if (target) { merge(section.items, i, target); changed(true); }
    };
    return pick;
  }
  function mark(cands, item) {  // bold: the sentences the summary holds now, as typed
    if (cands) for (const li of cands.children) li.classList.toggle("used", item.summary.includes(li.textContent));
  }
  function drawMeta(item) {  // the item's date, its 来源 (the name each report is cited by) and their texts
    const meta = el("div", "meta"), date = el("input", "date");
    date.type = "date";
    date.value = item.date || "";
    date.addEventListener("input", () => { item.date = date.value || null; changed(false, date); });
    meta.append(el("span", "", "日期 "), date, el("span", "", " 来源 "));
    (item.sources || []).forEach((source, n) => {
      const name = el("input", "source");
      name.value = source.source;
      name.title = source.title;
      name.addEventListener("input", () => { source.source = name.value; changed(false, name); });
      meta.append(name);
      if (texts.has(textKey(source))) meta.append(button("read", "原文", () => toggleText(meta, source)));
      if (item.sources.length > 1) meta.append(button("unsource", "×", () => { item.sources.splice(n, 1); changed(true); }));
    });
    for (const source of item.sources || []) if (opened.has(textKey(source))) meta.append(drawText(source));
    return meta;
  }
  function toggleText(meta, source) {  // opens or closes one article's text under its item (not an edit)
    const key = textKey(source), shown = [...meta.querySelectorAll(".article")].find(node => node.dataset.key === key);
    if (shown) { shown.remove(); opened.delete(key); } else { opened.add(key); meta.append(drawText(source)); }
  }
  function drawText(source) {
    const box = el("div", "article");
    box.dataset.key = textKey(source);
    box.append(el("h4", "", source.title),
      el("p", "where", [source.source, cnDate(source.date, true)].filter(Boolean).join("　")));
    for (const paragraph of texts.get(textKey(source)) || []) box.append(el("p", "", paragraph));
    return box;
  }

  // Two items that are one story: the second's reports, figures and sentences join the first; its
  // lead article becomes one more merged report (the footer still adds up), its 要点 lines go.
  function merge(list, i, target) {
    const [gone] = list.splice(i, 1), into = target || list[i - 1];
    into.sources = [...(into.sources || []), ...(gone.sources || [])];
    into.figures = [...new Set([...(into.figures || []), ...(gone.figures || [])])];
    into.candidates = [...new Set([...(into.candidates || []), ...gone.summary, ...(gone.candidates || [])])];
    draft.highlights = draft.highlights.filter(h => h.item !== gone.key);
    if (draft.counts) draft.counts.merged += 1;
  }
  // One item that is two stories: its last report becomes an item of its own, titled by its headline.
  function split(list, i) {
    const item = list[i];
    if ((item.sources || []).length < 2) return false;
    const source = item.sources.pop(), used = new Set(allItems().map(it => it.key));
    const candidates = sentences(texts.get(textKey(source)));
    let n = 1;
    while (used.has("r" + n)) n += 1;
    list.splice(i + 1, 0, {title: source.title, summary: candidates.slice(0, 1), date: source.date, figures: [], people: [],
      sources: [source], candidates: candidates, key: "r" + n, section: item.section || "", score: 0, tier: 0});
    if (draft.counts && draft.counts.merged > 0) draft.counts.merged -= 1;
    return true;
  }

  // A 要点 line that repeats a sentence of its item's summary follows the item when the reviewer takes
  // that sentence out: it becomes the summary's new first sentence, in the draft (render prints it as is).
  function setSummary(item, next) {
    for (const h of draft.highlights) {
      if (h.item === item.key && item.summary.includes(h.text) && !next.includes(h.text) && next.length) h.text = next[0];
    }
    item.summary = next;
  }

  function dropItem(group, list, i) {
    let home = draft.dropped.find(g => g.name === group);
    if (!home) { home = {name: group, items: []}; draft.dropped.push(home); }
    home.items.push(list.splice(i, 1)[0]);
  }

  function drawMore() {
    const box = el("fieldset", "more");
    box.append(el("legend", "", MORE));
    draft.more.forEach((item, i) => {
      const row = el("div", "item listed"), title = el("input", "title");
      title.value = item.title;
      title.addEventListener("input", () => { retitle(item.title, title.value); item.title = title.value; changed(false, title); });
      row.append(el("div", "tools", ""), title, drawMeta(item));
      row.firstChild.append(el("b", "", (i + 1) + "．"),
        button("up", "上移", () => { if (move(draft.more, i, -1)) changed(true); }),
        button("down", "下移", () => { if (move(draft.more, i, 1)) changed(true); }),
        button("promote", "全文编发", () => {
          const moved = draft.more.splice(i, 1)[0];
          if (!moved.summary.length && (moved.candidates || []).length) moved.summary = [moved.candidates[0]];
          const home = draft.sections.find(s => s.name === moved.section);
          if (home) home.items.push(moved); else draft.sections.push({name: moved.section || "其他", items: [moved]});
          changed(true);
        }),
        button("drop", "删去", () => { dropItem(MORE, draft.more, i); changed(true); }));
      box.append(row);
    });
    if (!draft.more.length) box.append(el("p", "empty", "（无）"));
    return box;
  }

  function drawLeaders() {
    const box = el("fieldset", "leaders");
    box.append(el("legend", "", "领导活动"));
    draft.leaders.forEach((leader, i) => {
      const row = el("div", "leader"), name = el("input", "name"), title = el("input", "role");
      name.value = leader.name;
      title.value = leader.title;
      name.addEventListener("input", () => { leader.name = name.value; changed(false, name); });
      title.addEventListener("input", () => { leader.title = title.value; changed(false, title); });
      row.append(el("div", "tools"));
      row.firstChild.append(title, name,
        button("up", "上移", () => { if (move(draft.leaders, i, -1)) changed(true); }),
        button("down", "下移", () => { if (move(draft.leaders, i, 1)) changed(true); }),
        button("remove", "删去此人", () => { draft.leaders.splice(i, 1); changed(true); }));
      leader.activities.forEach((act, a) => {
        const deed = el("div", "deed"), date = el("input", "date"), text = el("input", "text");
        date.type = "date";
        date.value = act.date || "";
        text.value = act.text;
        date.addEventListener("input", () => { act.date = date.value || null; changed(false, date); });
        text.addEventListener("input", () => { act.text = text.value; changed(false, text); });
        deed.append(date, text, button("remove-deed", "×", () => { leader.activities.splice(a, 1); changed(true); }));
        row.append(deed);
      });
      row.append(button("add-deed", "增加一项活动", () => {
        const item = allItems()[0];
        leader.activities.push({date: draft.end, text: "", item: item ? item.title : ""});
        changed(true);
      }));
      box.append(row);
    });
    box.append(button("add-leader", "增加一位领导", () => {
      const item = allItems()[0];
      draft.leaders.push({name: "", title: "", rank: 999, activities: [{date: draft.end, text: "", item: item ? item.title : ""}]});
      changed(true);
    }));
    return box;
  }

  function drawKeywords() {
    const box = el("fieldset", "keywords");
    box.append(el("legend", "", "本期关键词"));
    box.append(field("关键词（、分隔）", draft.keywords.join("、"), v => { draft.keywords = words(v); }, false, "f-keywords")[0]);
    return box;
  }

  function drawDropped() {
    const box = el("fieldset", "dropped");
    box.append(el("legend", "", "已删去（不印出，可恢复）"));
    draft.dropped.forEach(group => group.items.forEach((item, i) => {
      const row = el("div", "item");
      row.append(button("restore", "恢复", () => {
        const back = group.items.splice(i, 1)[0];
        if (group.name === MORE) draft.more.push(back);
        else (draft.sections.find(s => s.name === group.name) || draft.sections[0]).items.push(back);
        draft.dropped = draft.dropped.filter(d => d.items.length);
        changed(true);
      }), el("span", "", " " + group.name + "：" + item.title));
      box.append(row);
    }));
    return box;
  }

  function retitle(old, now) {  // 领导活动 name their item by title
    for (const leader of draft.leaders) for (const a of leader.activities) if (a.item === old) a.item = now;
  }

  function filter() {  // the search box: items and 附 entries whose title, summary or 来源 hold the words
    const query = document.getElementById("search").value.trim();
    for (const node of document.querySelectorAll("#editor .item")) {
      // what the item says (its fields, candidate sentences, an open article), not its menus' other titles
      const text = [...node.querySelectorAll("input, textarea")].map(n => n.value).join(" ") +
        [...node.querySelectorAll(".cands, .article")].map(n => n.textContent).join(" ");
      node.hidden = !!query && !text.includes(query);
    }
  }

  // --- the A4 preview: the Word brief's own paragraphs, rendered by the server from the page's draft
  // (briefing.render.preview), so that the page shows what prints; the latest answer wins ---
  const STYLES = {"Brief Masthead": ["div", "masthead"], "Brief Issue": ["p", "issue"], "Brief Dateline": ["p", "dateline"],
    "Title": ["p", "period"], "Heading 1": ["h2", ""], "Heading 2": ["h3", ""], "Brief Source": ["p", "src"],
    "Summary Box": ["p", "note"], "Brief Closing": ["p", "mark closing"]};
  let asked = 0, previewTimer = null;
  function cnDate(iso, year) {
    if (!iso) return "";
    const [y, m, d] = iso.split("-").map(Number);
    return (year ? y + "年" : "") + m + "月" + d + "日";
  }
  function drawPaper() {
    document.getElementById("paper").dataset.pending = "1";  // until the answer to the latest edit is drawn
    clearTimeout(previewTimer);
    previewTimer = setTimeout(askPreview, 120);
  }
  async function askPreview() {
    const mine = ++asked;
    const response = await fetch("/api/preview", {method: "POST", body: JSON.stringify(draft),
      headers: {"X-Briefing-Token": token, "Content-Type": "application/json"}}).catch(() => null);
    const reply = response ? await response.json().catch(() => ({})) : {};
    if (mine !== asked) return;  // a later edit asked again
    const paper = document.getElementById("paper");
    delete paper.dataset.pending;
    if (!response || !response.ok) {
      paper.replaceChildren(el("p", "error", "预览失败：" + (reply.error || (response ? response.status : "服务器无响应"))));
      return;
    }
    paper.replaceChildren(...reply.paragraphs.map(paragraph));
  }
  function paragraph(p) {
    const [tag, cls] = STYLES[p.style] || ["p", ""];
    const node = el(tag, cls);
    const text = p.runs.map(r => r[0]).join("");
    if (text.includes("\t")) {  // unit left, date right, as the Word tab stop sets them (dateline, 印发)
      const [left, right] = text.split("\t");
      node.classList.add("tabbed");
      node.append(el("span", "", left || ""), el("span", "", right || ""));
      return node;
    }
    if (text.startsWith("本期阅读稿件")) node.classList.add("counts");
    for (const [part, bold] of p.runs) node.append(bold ? el("b", "", part) : document.createTextNode(part));
    return node;
  }

  function download(kind) {
    return event => {
      event.preventDefault();
      if (conflict) { status("请先在上方选择保留哪个版本，再下载", true); return; }  // else the file's version would print
      save().then(() => { window.location.href = "/download/" + kind + "?token=" + encodeURIComponent(token); });
    };
  }
  document.addEventListener("DOMContentLoaded", () => {
    document.getElementById("get-docx").addEventListener("click", download("docx"));
    document.getElementById("get-md").addEventListener("click", download("md"));
    document.getElementById("undo").addEventListener("click", undo);
    document.getElementById("redo").addEventListener("click", redo);
    document.getElementById("search").addEventListener("input", filter);
    document.addEventListener("keydown", event => {  // the page's undo, in a text field too (one history for all)
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === "z" || key === "y") {
        event.preventDefault();
        if (key === "y" || event.shiftKey) redo(); else undo();
      }
    });
    load().catch(error => status("载入失败：" + error, true));
  });
  window.addEventListener("beforeunload", () => { if (timer) save(true); });
})();
