/* The public verification page: hash a file here, in slices (it is never uploaded), or take a pasted hash or
   receipt; ask the registry what it holds; then check, in this browser (logproofs.js), the entry, the
   checkpoint's signature against the log key the user pinned and the inclusion proof, and a saved
   checkpoint's consistency with the latest. Each step says what the browser checked and what it took from
   the server. Everything is shown with text nodes only (no HTML from the server). */
(function () {
  var SLICE = 4 * 1024 * 1024;
  var PIN_STORE = 'trialledger.pinnedLogKey';
  var P = window.TrialLedgerProofs;
  // The context path comes from a data attribute (verify.xhtml): no inline script on the page.
  var CONTEXT = document.getElementById('verifyConfig').getAttribute('data-context-path') || '';
  var LEAF_IN_JSON = /"leafHash"\s*:\s*"([0-9a-fA-F]{64})"/;

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }

  function hashFile(file, progress) {
    return new Promise(function (resolve, reject) {
      var hasher = TrialLedgerSha256.create(), offset = 0;
      function next() {
        if (offset >= file.size) { progress(100); resolve(hasher.hex()); return; }
        var reader = new FileReader();
        reader.onload = function () {
          hasher.update(new Uint8Array(reader.result));
          offset += SLICE;
          progress(Math.min(99, Math.floor(100 * offset / Math.max(1, file.size))));
          setTimeout(next, 0);
        };
        reader.onerror = function () { reject(reader.error); };
        reader.readAsArrayBuffer(file.slice(offset, offset + SLICE));
      }
      next();
    });
  }

  /** What the user asked about, as the server reads it too (RegistryLookup.normalise): null if not a hash. */
  function normalise(input) {
    var receipt = LEAF_IN_JSON.exec(input || '');
    if (receipt) return receipt[1].toLowerCase();
    var hex = (input || '').replace(/\s/g, '').toLowerCase();
    if (hex.indexOf('sha256:') === 0) hex = hex.substring(7);
    return /^[0-9a-f]{64}$/.test(hex) ? hex : null;
  }

  function row(table, label, value, cls) {
    var tr = el('tr'), th = el('th', label), td = el('td', value, cls);
    th.scope = 'row';
    tr.appendChild(th); tr.appendChild(td); table.appendChild(tr);
    return tr;
  }

  function getJson(path) {
    return fetch(CONTEXT + path, { headers: { 'Accept': 'application/json' } }).then(function (r) {
      if (!r.ok) throw new P.CheckError('the server answered ' + r.status + ' to ' + path);
      return r.json();
    });
  }

  function getText(path) {
    return fetch(CONTEXT + path).then(function (r) {
      if (!r.ok) throw new P.CheckError('the server answered ' + r.status + ' to ' + path);
      return r.text(); // always UTF-8, whatever charset the answer names
    });
  }

  // ---- the pinned key ----

  function storedPin() {
    try { return window.localStorage.getItem(PIN_STORE); } catch (e) { return null; }
  }

  /** The key signatures are checked against: the pinned one, else the one the server publishes (and it says so). */
  function signingKey() {
    var pin = storedPin();
    if (pin) return P.parseVerifierKey(pin).then(function (k) { return { key: k, pinned: true }; });
    return getJson('/api/log/key')
      .then(function (v) { return P.parseVerifierKey(v.vkey); })
      .then(function (k) { return { key: k, pinned: false }; });
  }

  /** A checkpoint signed by the key and of the key's log (its origin is the key's name, ledger-format §7 step 5). */
  async function openLogCheckpoint(note, key) {
    var checkpoint = await P.openCheckpoint(note, key);
    if (checkpoint.origin !== key.name)
      throw new P.CheckError('the checkpoint is of the log ' + checkpoint.origin + ', not of ' + key.name + ', the log the key signs for');
    return checkpoint;
  }

  function keyWords(k) {
    var id = k.key.name + '+' + k.key.keyId;
    return k.pinned
      ? 'the key you pinned in this browser (' + id + ')'
      : 'the key this server publishes at /api/log/key (' + id + '), not a key you pinned: a server that changed its key would pass this check too';
  }

  function showPin() {
    var out = document.getElementById('pinnedKey'), pin = storedPin();
    out.textContent = '';
    if (!pin) {
      out.appendChild(el('span', 'No key is pinned in this browser: signatures are checked against the key this server publishes, which shows only that the server agrees with itself.'));
      return;
    }
    P.parseVerifierKey(pin).then(function (k) {
      out.textContent = '';
      out.appendChild(el('span', 'Pinned in this browser: '));
      var name = el('strong', k.name); name.id = 'pinnedName';
      out.appendChild(name);
      out.appendChild(el('span', ', key id '));
      var id = el('code', k.keyId, 'tl-hash'); id.id = 'pinnedKeyId';
      out.appendChild(id);
      out.appendChild(el('span', ' ('));
      out.appendChild(el('code', k.text, 'tl-hash'));
      out.appendChild(el('span', ')'));
    }, function (e) {
      out.textContent = 'The key kept in this browser cannot be used (' + e.message + '): forget it and pin the log key again.';
    });
  }

  function pin() {
    var input = document.getElementById('pinInput'), message = document.getElementById('pinMessage');
    P.parseVerifierKey(input.value).then(function (k) {
      try {
        window.localStorage.setItem(PIN_STORE, k.text);
      } catch (e) {
        message.textContent = 'This browser does not let the page keep the key (local storage is off).';
        return;
      }
      input.value = '';
      message.textContent = 'Pinned: ' + k.name + ', key id ' + k.keyId + '. Signatures are now checked against this key.';
      showPin();
    }, function (e) {
      message.textContent = 'Not pinned: ' + e.message + '.';
    });
  }

  function forget() {
    try { window.localStorage.removeItem(PIN_STORE); } catch (e) { /* nothing kept */ }
    document.getElementById('pinMessage').textContent = 'The pinned key is forgotten.';
    showPin();
  }

  // ---- steps: what the browser checked, what it took from the server ----

  var OUTCOME = { pass: 'passed', fail: 'FAILED', skip: 'not checked' };

  function step(id, title) { return { id: id, title: title, outcome: 'skip', checked: '', fromServer: null }; }

  function passed(s, checked, fromServer) { s.outcome = 'pass'; s.checked = checked; s.fromServer = fromServer; }

  function failed(s, e, fromServer) {
    if (e instanceof P.Unavailable) { s.outcome = 'skip'; s.checked = e.message; s.unavailable = true; return; }
    s.outcome = 'fail';
    s.checked = e instanceof P.CheckError ? e.message : 'the check could not run (' + (e && e.message) + ')';
    s.fromServer = fromServer || null;
  }

  function renderSteps(steps, listId) {
    var ol = el('ol', null, 'tl-steps');
    ol.id = listId;
    steps.forEach(function (s) {
      var li = el('li');
      li.id = s.id;
      li.setAttribute('data-outcome', s.outcome);
      li.appendChild(el('strong', s.title + ': ' + OUTCOME[s.outcome] + '.', s.outcome === 'pass' ? 'tl-pass' : s.outcome === 'fail' ? 'tl-fail' : null));
      li.appendChild(el('span', ' ' + s.checked));
      if (s.fromServer) li.appendChild(el('span', ' Taken from the server: ' + s.fromServer, 'tl-hint'));
      ol.appendChild(li);
    });
    return ol;
  }

  /** The verdict over the steps; names the first step that failed. */
  function verdict(steps, id, success) {
    var failedStep = steps.filter(function (s) { return s.outcome === 'fail'; })[0];
    var unavailable = steps.filter(function (s) { return s.unavailable; })[0];
    var p;
    if (failedStep) p = el('p', 'NOT verified in your browser: the ' + failedStep.title + ' check failed (' + failedStep.checked + ').', 'tl-verdict tl-fail');
    else if (unavailable) p = el('p', 'Not checked in your browser: ' + unavailable.checked, 'tl-verdict');
    else if (steps.every(function (s) { return s.outcome === 'pass'; })) p = el('p', success, 'tl-verdict tl-pass');
    else p = el('p', 'Not verified in your browser yet: ' + steps.filter(function (s) { return s.outcome === 'skip'; })[0].checked, 'tl-verdict');
    p.id = id;
    return p;
  }

  // ---- does the log hold this? ----

  /** Checks one match in the browser: the entry holds what was asked, its checkpoint is signed, the proof leads there. */
  async function checkMatch(m, asked, askedWords, note) {
    var leaf = step('step-leaf', 'entry and leaf');
    var signature = step('step-signature', 'checkpoint signature');
    var inclusion = step('step-inclusion', 'inclusion proof');
    var steps = [leaf, signature, inclusion];
    var result = { steps: steps };
    var leafBytes = null, checkpoint = null, key = null;

    try {
      var receipt = await getJson('/api/receipts/' + m.leafHash);
      var entryBytes = P.fromHex(receipt.entryHex, 'The entry');
      var entry = P.decodeEntry(entryBytes);
      leafBytes = await P.leafHash(entryBytes);
      var leafHex = P.hex(leafBytes);
      result.entry = entry;
      if (leafHex !== m.leafHash) throw new P.CheckError('the entry hashes to leaf ' + leafHex + ', not to the leaf ' + m.leafHash + ' the server named');
      var holds = entry.contentHash === asked ? 'holds ' + askedWords + ' as its content hash'
        : leafHex === asked ? 'has ' + askedWords + ' as its leaf hash'
        : null;
      if (!holds) throw new P.CheckError('the entry holds content hash ' + entry.contentHash + ' and has leaf hash ' + leafHex + ', neither of them ' + askedWords);
      passed(leaf, 'The entry (' + entry.artifactType + ' ' + entry.artifactId + ' v' + entry.artifactVersion + ', ' + entry.kind + ') '
        + holds + ', and SHA-256(0x00 ‖ entry) is its leaf hash ' + leafHex + '.', 'the entry\'s bytes (its receipt).');
    } catch (e) {
      leafBytes = null;
      failed(leaf, e, 'the entry\'s bytes (its receipt).');
    }

    try {
      key = await signingKey();
      checkpoint = await openLogCheckpoint(note, key.key);
      result.checkpoint = checkpoint;
      passed(signature, 'The checkpoint of ' + checkpoint.origin + ' for tree size ' + checkpoint.size + ' with root '
        + P.hex(checkpoint.root) + ' is signed by ' + keyWords(key) + '.', 'the checkpoint note.');
    } catch (e) {
      checkpoint = null;
      failed(signature, e, 'the checkpoint note.');
    }

    if (!checkpoint) {
      inclusion.checked = 'Without a signed root there is nothing to check the proof against.';
    } else if (!leafBytes) {
      inclusion.checked = 'Without the entry\'s leaf hash there is nothing to check the proof for.';
    } else if (Number.isSafeInteger(m.leafIndex) && BigInt(m.leafIndex) >= checkpoint.size) {
      inclusion.checked = 'The entry is not yet covered by the checkpoint of size ' + checkpoint.size + ': check again in a moment.';
    } else {
      try {
        if (!Number.isSafeInteger(m.leafIndex) || m.leafIndex < 0) throw new P.CheckError('the server gave no valid leaf index');
        var proof = await getJson('/api/log/proof/inclusion?leaf=' + encodeURIComponent(m.leafIndex) + '&size=' + checkpoint.size);
        var hashes = (proof.hashes || []).map(function (h, i) { return P.fromHex(h, 'Proof hash ' + i); });
        await P.verifyInclusion(m.leafIndex, checkpoint.size, leafBytes, hashes, checkpoint.root);
        passed(inclusion, 'The ' + hashes.length + '-hash proof leads from the leaf hash computed above, at index ' + m.leafIndex
          + ', to the signed root of tree size ' + checkpoint.size + '.', 'the leaf index and the proof\'s hashes.');
      } catch (e) {
        failed(inclusion, e, 'the leaf index and the proof\'s hashes.');
      }
    }
    result.key = key;
    return result;
  }

  function renderMatchChecks(container, i, r, m, askedWords) {
    container.textContent = '';
    container.appendChild(el('h3', 'Checked in your browser'));
    var success = r.entry && r.checkpoint && r.key
      ? 'Verified in your browser: ' + askedWords + ' is in ' + r.entry.artifactType + ' ' + r.entry.artifactId + ' v' + r.entry.artifactVersion
        + ', leaf ' + m.leafIndex + ' of the log of size ' + r.checkpoint.size + ', whose checkpoint is signed by ' + keyWords(r.key) + '.'
      : '';
    container.appendChild(verdict(r.steps, 'browserVerdict' + i, success));
    var steps = r.steps.map(function (s) { return Object.assign({}, s, { id: s.id + i }); });
    container.appendChild(renderSteps(steps, 'browserChecks' + i));
    container.appendChild(el('p', 'Not checked in your browser: the OpenTimestamps anchor above is the server\'s report; '
      + 'the offline verifier checks it with the proof bundle.', 'tl-hint'));
  }

  function show(result, answer, asked, askedWords) {
    answer.textContent = '';
    if (!result.registered) {
      var no = el('p', 'Not registered: the registry holds no artifact with SHA-256 ' + result.hash + '.', 'tl-verdict tl-fail');
      no.id = 'verdict';
      answer.appendChild(no);
      answer.appendChild(el('p', 'This is the server\'s answer: a log can prove that it holds an entry, not that it holds none.', 'tl-hint'));
      return;
    }
    var yes = el('p', 'Registered, says the registry: it holds this (' + result.matches.length + ' ledger entr' + (result.matches.length === 1 ? 'y' : 'ies')
      + '). What your browser checked itself is below each entry.', 'tl-verdict');
    yes.id = 'verdict';
    answer.appendChild(yes);
    result.matches.forEach(function (m, i) {
      var table = el('table', null, 'tl-table tl-items');
      table.id = 'match' + i;
      row(table, 'Artifact', m.artifact);
      row(table, 'Entry', m.artifactType + ' ' + m.artifactId + ' v' + m.artifactVersion + ' (' + m.contentKind + ')');
      row(table, 'Content hash', m.contentHash, 'tl-hash');
      row(table, 'Leaf hash', m.leafHash, 'tl-hash');
      row(table, 'Queued at', m.queuedAt);
      row(table, 'Leaf index', m.leafIndex === null ? 'queued' : m.leafIndex);
      row(table, 'Inclusion proof (the server\'s own check)', (m.inclusionVerified ? 'checked: ' : 'NOT checked: ') + m.inclusionDetail);
      row(table, 'Checkpoint signature (the server\'s own check)', m.checkpointSignatureVerified ? 'checked against the log key' : 'does NOT verify');
      var anchor = m.anchorStatus === 'CONFIRMED'
          ? 'confirmed in Bitcoin block ' + m.bitcoinHeight + ' at ' + m.bitcoinTime + ' (checkpoint of size ' + m.anchoredTreeSize + ')'
          : m.anchorStatus === 'NOT_ANCHORED' ? 'not yet anchored: the next hourly stamp will cover it'
          : m.anchorStatus.toLowerCase() + ' (checkpoint of size ' + m.anchoredTreeSize + ')';
      row(table, 'OpenTimestamps (the server\'s report)', anchor);
      var witnessed = !result.witnessesConfigured ? 'no witnesses are configured'
          : m.leafIndex !== null && m.leafIndex < result.witnessedSize
            ? 'yes: the log is witnessed up to size ' + result.witnessedSize + ' by ' + result.witnessedBy.join(', ')
              + ', which covers this entry (offline: verify --witness VKEY --min-witnesses K)'
            : 'not yet: the log is witnessed up to size ' + result.witnessedSize + ', which does not cover this entry';
      row(table, 'Witnessed (the server\'s report)', witnessed).id = 'witnessed' + i;
      var links = el('td'), a = el('a', 'proof bundle (for the offline verifier)'), r = el('a', 'receipt');
      a.href = CONTEXT + m.bundleUrl; a.id = 'bundle' + i; r.href = CONTEXT + m.receiptUrl;
      links.appendChild(a); links.appendChild(document.createTextNode(' · ')); links.appendChild(r);
      var tr = el('tr'), th = el('th', 'Download'); th.scope = 'row';
      tr.appendChild(th); tr.appendChild(links); table.appendChild(tr);
      answer.appendChild(table);
      var checks = el('section', 'Checking in your browser…', 'tl-checks');
      checks.id = 'browserCheck' + i;
      answer.appendChild(checks);
      if (m.leafIndex === null) {
        checks.textContent = 'Queued: the entry has no place in the log yet, so there is nothing to check. Ask again in a moment.';
        return;
      }
      checkMatch(m, asked, askedWords, result.checkpoint)
        .then(function (r) { renderMatchChecks(checks, i, r, m, askedWords); })
        .catch(function (e) { checks.textContent = 'The check could not run in your browser: ' + e.message; });
    });
  }

  function ask(hash, askedWords, answer) {
    var asked = normalise(hash);
    answer.textContent = 'Asking the registry…';
    fetch(CONTEXT + '/api/verify', { method: 'POST', headers: { 'Content-Type': 'text/plain', 'Accept': 'application/json' }, body: hash })
      .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (r) {
        if (r.ok) show(r.body, answer, asked, askedWords);
        else { answer.textContent = ''; var p = el('p', r.body.detail || 'The registry could not answer', 'tl-verdict tl-fail'); p.id = 'verdict'; answer.appendChild(p); }
      })
      .catch(function () { answer.textContent = 'The registry could not be reached.'; });
  }

  // ---- was history rewritten? ----

  async function checkConsistency(text) {
    var saved = step('step-saved', 'saved checkpoint signature');
    var latest = step('step-latest', 'latest checkpoint signature');
    var consistency = step('step-consistency', 'consistency proof');
    var steps = [saved, latest, consistency];
    var note = text.replace(/\r\n/g, '\n');
    if (note.charAt(note.length - 1) !== '\n') note += '\n';
    var key = null, old = null, now = null;
    try {
      key = await signingKey();
      old = await openLogCheckpoint(note, key.key);
      passed(saved, 'The checkpoint you pasted (tree size ' + old.size + ', root ' + P.hex(old.root) + ') is signed by ' + keyWords(key) + '.', null);
    } catch (e) {
      failed(saved, e, null);
    }
    if (key) {
      try {
        now = await openLogCheckpoint(await getText('/api/log/checkpoint'), key.key);
        passed(latest, 'The latest checkpoint (tree size ' + now.size + ', root ' + P.hex(now.root) + ') is signed by ' + keyWords(key) + '.', 'the latest checkpoint note.');
      } catch (e) {
        failed(latest, e, 'the latest checkpoint note.');
      }
    }
    if (!old || !now) {
      consistency.checked = 'Without two signed roots there is nothing to check a proof between.';
    } else {
      try {
        if (old.origin !== now.origin) throw new P.CheckError('the checkpoints are of two logs (' + old.origin + ', ' + now.origin + ')');
        if (old.size > now.size) throw new P.CheckError('the latest checkpoint (size ' + now.size + ') is smaller than the one you saved (size ' + old.size + '): the registry shows an older view than it signed before');
        if (old.size === 0n) {
          if (P.hex(old.root) !== P.hex(await P.sha256(new Uint8Array(0)))) throw new P.CheckError('the checkpoint of size 0 does not have the empty tree\'s root');
          passed(consistency, 'Your checkpoint is of the empty tree, which every tree extends.', null);
        } else if (old.size === now.size) {
          if (P.hex(old.root) !== P.hex(now.root)) throw new P.CheckError('FORK: the log signed two different roots for tree size ' + old.size);
          passed(consistency, 'The latest checkpoint is of the same tree as yours (same size, same root).', null);
        } else {
          var proof = await getJson('/api/log/proof/consistency?old=' + old.size + '&new=' + now.size);
          var hashes = (proof.hashes || []).map(function (h, i) { return P.fromHex(h, 'Proof hash ' + i); });
          await P.verifyConsistency(old.size, now.size, old.root, now.root, hashes);
          passed(consistency, 'The ' + hashes.length + '-hash proof rebuilds both signed roots: the log of size ' + now.size
            + ' extends the one of size ' + old.size + ' you saved, and nothing before it was changed or removed.', 'the proof\'s hashes.');
        }
      } catch (e) {
        failed(consistency, e, 'the proof\'s hashes.');
      }
    }
    return { steps: steps, old: old, now: now, key: key };
  }

  function renderConsistency(out, r) {
    out.textContent = '';
    var success = 'Consistent, checked in your browser: the latest checkpoint (size ' + (r.now && r.now.size) + ') extends the one you saved (size '
      + (r.old && r.old.size) + '), both signed by ' + (r.key ? keyWords(r.key) : 'the log key') + '.';
    out.appendChild(verdict(r.steps, 'consistencyVerdict', success));
    out.appendChild(renderSteps(r.steps, 'consistencySteps'));
  }

  document.addEventListener('DOMContentLoaded', function () {
    var drop = document.getElementById('dropZone'), input = document.getElementById('fileInput');
    var bar = document.getElementById('hashProgress'), label = document.getElementById('hashLabel');
    var answer = document.getElementById('answer'), text = document.getElementById('hashInput');
    showPin();
    document.getElementById('pinKey').addEventListener('click', pin);
    document.getElementById('clearKey').addEventListener('click', forget);
    function handle(file) {
      if (!file) return;
      bar.hidden = false; bar.value = 0;
      label.textContent = 'Hashing ' + file.name + ' in your browser (' + file.size + ' bytes)…';
      hashFile(file, function (p) { bar.value = p; }).then(function (hex) {
        label.textContent = 'SHA-256 of ' + file.name + ': ';
        var code = el('code', hex, 'tl-hash'); code.id = 'fileHash'; label.appendChild(code);
        ask(hex, 'the SHA-256 your browser computed of the file', answer);
      });
    }
    input.addEventListener('change', function () { handle(input.files[0]); });
    drop.addEventListener('dragover', function (e) { e.preventDefault(); drop.classList.add('tl-drop-active'); });
    drop.addEventListener('dragleave', function () { drop.classList.remove('tl-drop-active'); });
    drop.addEventListener('drop', function (e) { e.preventDefault(); drop.classList.remove('tl-drop-active'); handle(e.dataTransfer.files[0]); });
    document.getElementById('checkHash').addEventListener('click', function () { ask(text.value, 'the hash you gave', answer); });
    document.getElementById('checkConsistency').addEventListener('click', function () {
      var out = document.getElementById('consistencyAnswer');
      out.textContent = 'Checking in your browser…';
      checkConsistency(document.getElementById('savedCheckpoint').value)
        .then(function (r) { renderConsistency(out, r); })
        .catch(function (e) { out.textContent = 'The check could not run: ' + e.message; });
    });
    var preset = new URLSearchParams(window.location.search).get('hash');
    if (preset) { text.value = preset; ask(preset, 'the hash you gave', answer); }
  });
})();
