// Praxis live discussion client. Protocol: community/events.py and docs/architecture.md.
// Reconnects with backoff, catches up with {"type":"sync","after":lastSeq}, drops duplicates
// by seq and post id, and shows its connection state. Without it the pages still work.
(() => {
  "use strict";
  var root = document.querySelector("[data-space]");
  if (!root || !window.WebSocket) return;

  var spaceId = Number(root.dataset.space);
  var threadId = root.dataset.thread ? Number(root.dataset.thread) : null;
  var me = root.dataset.me ? Number(root.dataset.me) : null;
  var lastSeq = Number(root.dataset.lastSeq || 0);
  var socket = null,
    attempt = 0,
    live = false,
    syncing = false,
    needResync = false;
  var retryTimer = null;
  var pending = {}; // client_id -> body, until acknowledged
  var statusBox = root.querySelector("[data-live-status]");
  var statusLabel = root.querySelector("[data-live-label]");
  var presenceBox = root.querySelector("[data-presence]");
  var typingBox = root.querySelector("[data-typing]");
  var typingTimers = {};

  function setStatus(state, text) {
    if (!statusBox) return;
    statusBox.dataset.state = state;
    statusLabel.textContent = text;
  }

  function url() {
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    return `${scheme}${location.host}/ws/spaces/${spaceId}/`;
  }

  function connect() {
    clearTimeout(retryTimer);
    setStatus("connecting", attempt ? "Reconnecting…" : "Connecting…");
    socket = new WebSocket(url());
    socket.onopen = () => {
      attempt = 0;
    };
    socket.onmessage = (message) => {
      var data;
      try {
        data = JSON.parse(message.data);
      } catch {
        return;
      }
      handle(data);
    };
    socket.onclose = (event) => {
      live = false;
      syncing = false;
      if (event.code === 4403) {
        setStatus("offline", "You no longer have access to this space.");
        return;
      }
      attempt += 1;
      var delay = Math.min(30000, 1000 * 2 ** (attempt - 1)) * (0.75 + Math.random() / 2);
      setStatus("offline", `Offline — reconnecting in ${Math.round(delay / 1000)} s`);
      retryTimer = setTimeout(connect, delay);
    };
  }

  function send(obj) {
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify(obj));
      return true;
    }
    return false;
  }

  function requestSync() {
    if (syncing) return;
    syncing = true;
    send({ type: "sync", after: lastSeq });
  }

  function handle(data) {
    switch (data.type) {
      case "hello":
        live = true;
        setStatus("live", "Live");
        requestSync();
        flushPending();
        return;
      case "sync.done":
        syncing = false;
        if (needResync) {
          needResync = false;
          requestSync();
        }
        return;
      case "presence": // on joining: everyone here
        here = {};
        data.users.forEach((u) => {
          here[u.id] = u;
        });
        showPresence();
        return;
      case "presence.changed": // afterwards: who came, who left
        data.joined.forEach((u) => {
          here[u.id] = u;
        });
        data.left.forEach((u) => {
          delete here[u.id];
        });
        showPresence();
        return;
      case "typing":
        showTyping(data);
        return;
      case "notification":
        updateBell(data.unread);
        return;
      case "post.ack":
        delete pending[data.client_id];
        return;
      case "error":
        showError(data);
        return;
    }
    if (typeof data.seq === "number") applyStored(data);
  }

  var here = {}; // user id -> {id, name}: who is connected to this space
  function showPresence() {
    if (!presenceBox) return;
    var names = Object.keys(here).map((id) => here[id].name);
    names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    presenceBox.textContent = `Here now: ${names.join(", ")}`;
  }

  function applyStored(event) {
    if (event.seq <= lastSeq) return; // a duplicate (already applied or replayed)
    if (event.seq > lastSeq + 1) {
      // a gap: something was dropped on the way, fetch it
      if (syncing) needResync = true;
      else requestSync();
      return;
    }
    lastSeq = event.seq;
    var d = event.data;
    if (event.type === "post.created" && threadId === d.thread) upsertPost(d, true);
    else if (
      (event.type === "post.updated" || event.type === "post.deleted") &&
      threadId === d.thread
    )
      upsertPost(d, false);
    else if (event.type === "reaction.changed") updateReactions(d.post, d.reactions);
    else if (event.type === "thread.created" && root.dataset.page === "space") addThread(d);
    else if (event.type === "thread.updated" && threadId === d.id) updateThreadFlags(d);
  }

  // One renderer: a live post is the server's _post.html, rendered once into the page's
  // <template data-post-template> as a prototype post by the viewer, filled in here.
  var prototype = root.querySelector("[data-post-template]");
  var prototypeId = root.dataset.postPrototypeId;
  var canModerate = !!prototype?.content.querySelector("[data-moderator-only]");
  var timeFormat = (() => {
    var options = {
      month: "short",
      day: "numeric",
      hour: "numeric",
      minute: "2-digit",
      timeZoneName: "short",
    };
    if (root.dataset.timeZone) options.timeZone = root.dataset.timeZone;
    try {
      return new Intl.DateTimeFormat("en-US", options);
    } catch {
      delete options.timeZone;
      return new Intl.DateTimeFormat("en-US", options);
    }
  })();

  function renderPost(d) {
    var holder = document.createElement("template");
    holder.innerHTML = prototype.innerHTML.split(prototypeId).join(String(d.id));
    var post = holder.content.querySelector("article");
    post.querySelector("[data-post-author]").textContent = d.author.name;
    var when = post.querySelector("[data-post-time]");
    when.setAttribute("datetime", d.created_at);
    when.textContent = timeFormat.format(new Date(d.created_at));
    post.querySelector("[data-post-edited]").hidden = !d.edited;
    var body = post.querySelector("[data-post-body]");
    body.textContent = "";
    if (d.deleted || d.hidden) {
      const note = document.createElement("p");
      note.className = "muted";
      note.textContent = d.deleted
        ? "This post was deleted."
        : `Hidden by a facilitator: ${d.hidden_reason}`;
      body.appendChild(note);
    } else {
      body.innerHTML = d.html; // sanitised on the server (nh3 allowlist)
    }
    post.classList.toggle("is-deleted", d.deleted);
    post.classList.toggle("is-hidden", d.hidden);
    if (d.deleted) {
      const foot = post.querySelector("[data-post-foot]");
      if (foot) foot.remove();
    } else {
      if (d.author.id !== me)
        post.querySelectorAll("[data-author-only]").forEach((el) => {
          el.remove();
        });
      if (d.hidden || !canModerate)
        post.querySelectorAll("[data-moderator-only]").forEach((el) => {
          el.remove();
        });
      const source = post.querySelector("[data-post-source]");
      if (source) source.value = d.body || "";
      post.querySelectorAll("[data-emoji]").forEach((button) => {
        var count = d.reactions?.[button.dataset.emoji];
        button.querySelector("[data-count]").textContent = count ? String(count) : "";
      });
    }
    return post;
  }

  function upsertPost(d, created) {
    var list = root.querySelector("[data-posts]");
    if (!list || !prototype) return;
    var existing = document.getElementById(`post-${d.id}`);
    if (existing && created) return; // already on the page: drop the duplicate
    var post = renderPost(d);
    if (existing) {
      // Keep an open edit box open (its owner may be typing in it).
      const open = existing.querySelector("details[open]");
      if (open && !d.deleted) return;
      existing.replaceWith(post);
    } else {
      post.classList.add("is-new");
      list.appendChild(post);
    }
    if (created) clearTyping(d.author.id);
  }

  function updateReactions(postId, counts) {
    var post = document.getElementById(`post-${postId}`);
    if (!post) return;
    post.querySelectorAll("[data-emoji]").forEach((button) => {
      var count = counts[button.dataset.emoji];
      button.querySelector("[data-count]").textContent = count ? String(count) : "";
    });
  }

  function addThread(d) {
    var list = root.querySelector("[data-thread-list]");
    if (!list || document.getElementById(`thread-${d.id}`)) return;
    var empty = list.querySelector("[data-empty]");
    if (empty) empty.remove();
    var item = document.createElement("li");
    item.className = "thread-item is-new";
    item.id = `thread-${d.id}`;
    var link = document.createElement("a");
    link.href = `/community/spaces/${spaceId}/threads/${d.id}/`;
    var strong = document.createElement("strong");
    strong.textContent = d.title;
    link.appendChild(strong);
    var meta = document.createElement("span");
    meta.className = "muted small";
    meta.textContent = ` ${d.author.name} · just now`;
    item.appendChild(link);
    item.appendChild(meta);
    list.insertBefore(item, list.firstChild);
  }

  function updateThreadFlags(d) {
    var title = root.querySelector("[data-thread-title]");
    if (title) title.textContent = d.title;
    var flags = root.querySelector("[data-thread-flags]");
    if (!flags) return;
    flags.textContent = "";
    [
      ["announcement", "Announcement"],
      ["pinned", "Pinned"],
      ["locked", "Locked"],
    ].forEach((pair) => {
      if (!d[pair[0]]) return;
      var pill = document.createElement("span");
      pill.className = "pill";
      pill.textContent = pair[1];
      flags.appendChild(pill);
      flags.appendChild(document.createTextNode(" "));
    });
  }

  // "… is typing" names one person; it clears when their post arrives or after a few
  // seconds without a typing event from them.
  var typingUser = null;
  function clearTyping(userId) {
    if (!typingBox || (userId !== undefined && userId !== typingUser)) return;
    typingBox.textContent = "";
    typingUser = null;
    clearTimeout(typingTimers.box);
  }

  function showTyping(data) {
    if (!typingBox || data.thread !== threadId || data.user.id === me) return;
    typingUser = data.user.id;
    typingBox.textContent = `${data.user.name} is typing…`;
    clearTimeout(typingTimers.box);
    typingTimers.box = setTimeout(() => {
      clearTyping();
    }, 5000);
  }

  function updateBell(unread) {
    var bell = document.querySelector("[data-unread]");
    if (!bell) return;
    bell.textContent = unread ? String(unread) : "";
    bell.hidden = !unread;
    // The bell's name is "Notifications N unread": the visible number is part of it.
    var label = document.querySelector("[data-unread-label]");
    if (label) label.hidden = !unread;
  }

  var replyForm = root.querySelector("[data-reply-form]");
  var replyError = root.querySelector("[data-reply-error]");

  function showError(data) {
    if (data.code === "bad_seq") {
      syncing = false;
      return;
    }
    if (data.ref && pending[data.ref] !== undefined) {
      const body = root.querySelector("[data-reply-body]");
      if (body && !body.value) body.value = pending[data.ref];
      delete pending[data.ref];
    }
    if (replyError) {
      replyError.textContent = data.message;
      replyError.hidden = false;
    }
  }

  function newClientId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return String(Date.now()) + Math.random().toString(16).slice(2);
  }

  function flushPending() {
    Object.keys(pending).forEach((clientId) => {
      send({ type: "post.create", client_id: clientId, thread: threadId, body: pending[clientId] });
    });
  }

  if (replyForm && threadId) {
    const bodyField = replyForm.querySelector("[data-reply-body]");
    let lastTyping = 0;
    bodyField.addEventListener("input", () => {
      var now = Date.now();
      if (live && now - lastTyping > 3000) {
        lastTyping = now;
        send({ type: "typing", thread: threadId });
      }
    });
    replyForm.addEventListener("submit", (event) => {
      if (!live) return; // no socket: the form posts normally (idempotent client id)
      event.preventDefault();
      var text = bodyField.value.trim();
      if (!text) return;
      var clientId = newClientId();
      pending[clientId] = text;
      if (replyError) replyError.hidden = true;
      send({ type: "post.create", client_id: clientId, thread: threadId, body: text });
      bodyField.value = "";
    });
  }

  // @mention autocomplete from the members embedded in the page.
  var membersScript = document.getElementById("space-members");
  var mentionList = root.querySelector("[data-mention-list]");
  var replyBody = root.querySelector("[data-reply-body]");
  if (membersScript && mentionList && replyBody) {
    const members = JSON.parse(membersScript.textContent);
    const closeList = () => {
      mentionList.hidden = true;
      mentionList.textContent = "";
    };
    const insert = (username) => {
      var caret = replyBody.selectionStart;
      var before = replyBody.value.slice(0, caret).replace(/@([\w.-]*)$/, `@${username} `);
      replyBody.value = before + replyBody.value.slice(caret);
      replyBody.focus();
      replyBody.setSelectionRange(before.length, before.length);
      closeList();
    };
    replyBody.addEventListener("input", () => {
      var match = /(?:^|\s)@([\w.-]*)$/.exec(replyBody.value.slice(0, replyBody.selectionStart));
      if (!match) return closeList();
      var q = match[1].toLowerCase();
      var found = members
        .filter(
          (m) =>
            m.username.toLowerCase().indexOf(q) === 0 || m.name.toLowerCase().indexOf(q) !== -1,
        )
        .slice(0, 6);
      mentionList.textContent = "";
      found.forEach((m) => {
        var option = document.createElement("li");
        option.setAttribute("role", "option");
        option.tabIndex = 0;
        option.dataset.username = m.username;
        option.textContent = `${m.name} (@${m.username})`;
        option.addEventListener("mousedown", (e) => {
          e.preventDefault();
          insert(m.username);
        });
        option.addEventListener("keydown", (e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            insert(m.username);
          }
        });
        mentionList.appendChild(option);
      });
      mentionList.hidden = found.length === 0;
    });
    replyBody.addEventListener("keydown", (e) => {
      if (mentionList.hidden) return;
      if (e.key === "Escape") closeList();
      if ((e.key === "Tab" || e.key === "Enter") && mentionList.firstChild) {
        e.preventDefault();
        insert(mentionList.firstChild.dataset.username);
      }
    });
  }

  // Channel layers drop messages silently when a reader is slow: check in now and then.
  setInterval(() => {
    if (live) requestSync();
  }, 30000);
  connect();
})();
