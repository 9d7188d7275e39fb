// The review page: edits the draft in memory, redraws the A4 preview, and PUTs the whole draft
// back (with the session token) after every change. Plain DOM, no framework, no build step.
"use strict";
(function () {
  const token = document.querySelector('meta[name="briefing-token"]').content;
  const HEAD = [["title", "标题"], ["issue", "期号"], ["total_issue", "总期号"], ["unit", "编印单位"],
    ["date", "印发日期"], ["classification", "密级"], ["copies", "印发份数"]];
  let draft = null, timer = null, version = 0, queue = Promise.resolve();

  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;  // never innerHTML: article text stays text
    return node;
  }
  function status(text, bad) {
    const node = document.getElementById("status");
    node.textContent = text;
    node.classList.toggle("error", !!bad);
  }
  function lines(text) { return text.split("\n").map(s => s.trim()).filter(Boolean); }

  async function load() {
    const response = await fetch("/api/draft", {headers: {"X-Briefing-Token": token}});
    draft = await response.json();
    draft.dropped = draft.dropped || [];
    draw();
    status("已保存");
  }
  function changed(redraw) {
    version += 1;
    if (redraw) drawEditor();
    drawPaper();
    status("保存中…");
    clearTimeout(timer);
    timer = setTimeout(save, 300);
  }
  function save(leaving) {
    clearTimeout(timer);
    timer = null;
    const sent = version, body = JSON.stringify(draft);
    // keepalive lets a save outlive a closing tab, but browsers cap such bodies at 64 KB in all
    queue = queue.then(() => fetch("/api/draft", {method: "PUT", body: body, keepalive: !!leaving && body.length < 60000,
      headers: {"X-Briefing-Token": token, "Content-Type": "application/json"}}))
      .then(async response => {
        if (!response.ok) {
          const why = await response.json().catch(() => ({}));
          status("未保存：" + (why.error || response.status), true);
        } else if (sent === version) status("已保存");
      })
      .catch(error => status("未保存：" + error, true));
    return queue;
  }

  function draw() { drawEditor(); drawPaper(); }

  function field(label, value, onInput, multi) {
    const box = el("label"), input = el(multi ? "textarea" : "input");
    if (!multi) input.type = label === "印发份数" ? "number" : "text";
    input.value = value === null || value === undefined ? "" : value;
    input.addEventListener("input", () => { onInput(input.value); changed(false); });
    box.append(el("span", "", label), input);
    return [box, input];
  }

  function drawEditor() {
    const root = document.getElementById("editor");
    root.replaceChildren();
    const head = el("fieldset", "head");
    head.append(el("legend", "", "报头与编者按"));
    for (const [key, label] of HEAD) {
      const [box, input] = field(label, draft[key], v => {
        draft[key] = key === "copies" ? (v === "" ? null : parseInt(v, 10) || null) : v;
      });
      input.id = "f-" + key;
      head.append(box);
    }
    const [closing, closingInput] = field("版记（每行一条）", (draft.closing || []).join("\n"), v => { draft.closing = lines(v); }, true);
    const [note, noteInput] = field("编者按", draft.editor_note || "", v => { draft.editor_note = v.trim(); }, true);
    closingInput.id = "f-closing";
    noteInput.id = "f-editor_note";
    head.append(closing, note);
    root.append(head);
    draft.sections.forEach((section, s) => root.append(drawSection(section, s)));
    if (draft.dropped.some(group => group.items.length)) root.append(drawDropped());
  }

  function drawSection(section, s) {
    const box = el("fieldset", "section");
    const legend = el("legend"), name = el("input", "section-name");
    name.value = section.name;
    name.addEventListener("input", () => { section.name = name.value; changed(false); });
    legend.append(name);
    box.append(legend);
    section.items.forEach((item, i) => box.append(drawItem(section, s, item, i)));
    return box;
  }

  function drawItem(section, s, item, i) {
    const box = el("div", "item"), tools = el("div", "tools");
    box.dataset.section = s;
    box.dataset.index = i;
    const up = el("button", "up", "上移"), down = el("button", "down", "下移"), drop = el("button", "drop", "删去");
    const move = el("select", "move");
    draft.sections.forEach((other, o) => {
      const option = el("option", "", "移至 " + other.name);
      option.value = o;
      option.selected = o === s;
      move.append(option);
    });
    up.onclick = () => { if (i > 0) { section.items.splice(i - 1, 0, section.items.splice(i, 1)[0]); changed(true); } };
    down.onclick = () => { if (i < section.items.length - 1) { section.items.splice(i + 1, 0, section.items.splice(i, 1)[0]); changed(true); } };
    move.onchange = () => { draft.sections[+move.value].items.push(section.items.splice(i, 1)[0]); changed(true); };
    drop.onclick = () => { dropItem(section, i); changed(true); };
    tools.append(el("b", "", String(i + 1) + "．"), up, down, move, drop);
    const title = el("input", "title");
    title.value = item.title;
    title.addEventListener("input", () => { retitle(item.title, title.value); item.title = title.value; changed(false); });
    const summary = el("textarea", "summary");
    summary.value = item.summary.join("\n");
    summary.rows = Math.max(2, item.summary.reduce((n, t) => n + Math.ceil(t.length / 36), 1));  // ~36 characters a line
    summary.addEventListener("input", () => { setSummary(item, lines(summary.value)); changed(false); });
    box.append(tools, title, summary);
    if ((item.candidates || []).length) {
      const cands = el("ol", "cands");
      cands.title = "点击句子加入或移出摘要（按重要性排序）";
      for (const sentence of item.candidates) {
        const li = el("li", item.summary.includes(sentence) ? "used" : "", sentence);
        li.onclick = () => {
          const at = item.summary.indexOf(sentence), next = item.summary.slice();
          if (at >= 0) next.splice(at, 1); else next.push(sentence);
          setSummary(item, next);
          changed(true);
        };
        cands.append(li);
      }
      box.append(cands);
    }
    return box;
  }

  // A 要点 line that repeats a sentence of its item's summary follows the item when the reviewer takes
  // that sentence out: it becomes the summary's new first sentence, in the draft (render prints it as is).
  function setSummary(item, next) {
    for (const h of draft.highlights || []) {
      if (h.item === item.key && item.summary.includes(h.text) && !next.includes(h.text) && next.length) h.text = next[0];
    }
    item.summary = next;
  }

  function dropItem(section, i) {
    let group = draft.dropped.find(g => g.name === section.name);
    if (!group) { group = {name: section.name, items: []}; draft.dropped.push(group); }
    group.items.push(section.items.splice(i, 1)[0]);
  }

  function drawDropped() {
    const box = el("fieldset", "dropped");
    box.append(el("legend", "", "已删去（不印出，可恢复）"));
    draft.dropped.forEach((group, g) => group.items.forEach((item, i) => {
      const row = el("div", "item"), back = el("button", "restore", "恢复");
      back.onclick = () => {
        const home = draft.sections.find(s => s.name === group.name) || draft.sections[0];
        home.items.push(group.items.splice(i, 1)[0]);
        draft.dropped = draft.dropped.filter(d => d.items.length);
        changed(true);
      };
      row.append(back, el("span", "", " " + group.name + "：" + item.title));
      box.append(row);
    }));
    return box;
  }

  function retitle(old, now) {  // 领导活动 name their item by title
    for (const leader of draft.leaders || []) for (const a of leader.activities) if (a.item === old) a.item = now;
  }

  // --- the A4 preview: the order and wording of the Word brief, approximately laid out ---
  const DIGITS = "零一二三四五六七八九";
  function cn(n) {
    if (n < 10) return DIGITS[n];
    const tens = Math.floor(n / 10), ones = n % 10;
    return (tens > 1 ? DIGITS[tens] : "") + "十" + (ones ? DIGITS[ones] : "");
  }
  function cnDate(iso) {
    if (!iso) return "";
    const [y, m, d] = iso.split("-").map(Number);
    return y + "年" + m + "月" + d + "日";
  }
  function drawPaper() {
    const paper = document.getElementById("paper"), add = (tag, cls, text) => paper.appendChild(el(tag, cls, text));
    paper.replaceChildren();
    if (draft.classification) add("p", "mark", draft.classification);
    add("div", "masthead", draft.title);
    let issue = String(draft.issue || "");
    if (issue) {
      issue = issue.includes("期") ? issue : "第" + issue + "期";
      const total = draft.total_issue || "";
      if (total) issue += total.includes("期") ? "（" + total + "）" : "（总第" + total + "期）";
      add("p", "issue", issue);
    }
    const dateline = add("p", "dateline");
    dateline.append(el("span", "", draft.unit || ""), el("span", "", cnDate(draft.date || draft.end)));
    if (draft.editor_note) add("p", "note", "编者按：" + draft.editor_note);
    const items = draft.sections.flatMap(s => s.items), byKey = new Map(items.map(it => [it.key, it]));
    const live = (draft.highlights || []).filter(h => byKey.has(h.item));
    let n = 0;
    if (live.length) {
      add("h2", "", cn(++n) + "、本期要点");
      live.forEach((h, i) => add("p", "", (i + 1) + "．" + byKey.get(h.item).title + "。" + h.text));
    }
    for (const section of draft.sections) {
      if (!section.items.length) continue;
      add("h2", "", cn(++n) + "、" + section.name);
      section.items.forEach((item, i) => {
        add("h3", "", "（" + cn(i + 1) + "）" + item.title);
        add("p", "", item.summary.join(""));
        const names = [...new Set((item.sources || []).map(s => s.source))];
        if (names.length) add("p", "src", "（来源：" + names.join("、") + "）");
      });
    }
    const present = new Set([...items, ...(draft.more || [])].flatMap(it => [it.title, ...(it.sources || []).map(s => s.title)]));
    const leaders = (draft.leaders || []).map(l => [l, l.activities.filter(a => present.has(a.item))]).filter(x => x[1].length);
    if (leaders.length) {
      add("h2", "", cn(++n) + "、领导活动");
      for (const [l, acts] of leaders) add("p", "", l.title + l.name + "：" + acts.map(a => cnDate(a.date).replace(/^\d+年/, "") + a.text).join("；") + "。");
    }
    if ((draft.keywords || []).length) { add("h2", "", cn(++n) + "、本期关键词"); add("p", "", draft.keywords.join("、")); }
    if ((draft.more || []).length) {
      add("h2", "", "附：本期其他报道");
      draft.more.forEach((item, i) => add("p", "", (i + 1) + "．" + item.title));
    }
    const closing = add("div", "closing");
    for (const line of draft.closing || []) closing.append(el("p", "mark", line));
    closing.append(el("p", "mark", (draft.unit || "") + "　" + cnDate(draft.date || draft.end) + "印发" + (draft.copies ? "（共印" + draft.copies + "份）" : "")));
  }

  function download(kind) {
    return event => {
      event.preventDefault();
      save().then(() => { window.location.href = "/download/" + kind + "?token=" + encodeURIComponent(token); });
    };
  }
  document.addEventListener("DOMContentLoaded", () => {
    document.getElementById("get-docx").addEventListener("click", download("docx"));
    document.getElementById("get-md").addEventListener("click", download("md"));
    load().catch(error => status("载入失败：" + error, true));
  });
  window.addEventListener("beforeunload", () => { if (timer) save(true); });
})();
