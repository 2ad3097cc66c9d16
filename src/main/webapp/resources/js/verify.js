/* The public verification page: hash a file here, in slices (it is never uploaded), or take a pasted hash or
   receipt; ask the registry what it holds; show the answer with text nodes only (no HTML from the server). */
(function () {
  var SLICE = 4 * 1024 * 1024;
  // The context path comes from a data attribute (verify.xhtml): no inline script on the page.
  var CONTEXT = document.getElementById('verifyConfig').getAttribute('data-context-path') || '';

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

  function row(table, label, value, cls) {
    var tr = el('tr'), th = el('th', label), td = el('td', value, cls);
    th.scope = 'row';
    tr.appendChild(th); tr.appendChild(td); table.appendChild(tr);
  }

  function show(result, answer) {
    answer.textContent = '';
    if (!result.registered) {
      var no = el('p', 'Not registered: the registry holds no artifact with SHA-256 ' + result.hash + '.', 'tl-verdict tl-fail');
      no.id = 'verdict';
      answer.appendChild(no);
      return;
    }
    var yes = el('p', 'Registered: the registry holds this (' + result.matches.length + ' ledger entr' + (result.matches.length === 1 ? 'y' : 'ies') + ').', 'tl-verdict tl-pass');
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
      row(table, 'Inclusion proof', (m.inclusionVerified ? 'checked: ' : 'NOT checked: ') + m.inclusionDetail, m.inclusionVerified ? 'tl-pass' : 'tl-fail');
      row(table, 'Checkpoint signature', m.checkpointSignatureVerified ? 'checked against the log key' : 'does NOT verify', m.checkpointSignatureVerified ? 'tl-pass' : 'tl-fail');
      var anchor = m.anchorStatus === 'CONFIRMED'
          ? 'confirmed in Bitcoin block ' + m.bitcoinHeight + ' at ' + m.bitcoinTime + ' (checkpoint of size ' + m.anchoredTreeSize + ')'
          : m.anchorStatus === 'NOT_ANCHORED' ? 'not yet anchored: the next hourly stamp will cover it'
          : m.anchorStatus.toLowerCase() + ' (checkpoint of size ' + m.anchoredTreeSize + ')';
      row(table, 'OpenTimestamps', anchor);
      var links = el('td'), a = el('a', 'proof bundle (for the offline verifier)'), r = el('a', 'receipt');
      a.href = CONTEXT + m.bundleUrl; a.id = 'bundle' + i; r.href = CONTEXT + m.receiptUrl;
      links.appendChild(a); links.appendChild(document.createTextNode(' · ')); links.appendChild(r);
      var tr = el('tr'); tr.appendChild(el('th', 'Download')); tr.appendChild(links); table.appendChild(tr);
      answer.appendChild(table);
    });
  }

  function ask(hash, answer) {
    answer.textContent = 'Asking the registry…';
    fetch(CONTEXT + '/api/verify', { method: 'POST', headers: { 'Content-Type': 'text/plain', 'Accept': 'application/json' }, body: hash })
      .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (r) {
        if (r.ok) show(r.body, answer);
        else { answer.textContent = ''; var p = el('p', r.body.detail || 'The registry could not answer', 'tl-verdict tl-fail'); p.id = 'verdict'; answer.appendChild(p); }
      })
      .catch(function () { answer.textContent = 'The registry could not be reached.'; });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var drop = document.getElementById('dropZone'), input = document.getElementById('fileInput');
    var bar = document.getElementById('hashProgress'), label = document.getElementById('hashLabel');
    var answer = document.getElementById('answer'), text = document.getElementById('hashInput');
    function handle(file) {
      if (!file) return;
      bar.hidden = false; bar.value = 0;
      label.textContent = 'Hashing ' + file.name + ' in your browser (' + file.size + ' bytes)…';
      hashFile(file, function (p) { bar.value = p; }).then(function (hex) {
        label.textContent = 'SHA-256 of ' + file.name + ': ';
        var code = el('code', hex, 'tl-hash'); code.id = 'fileHash'; label.appendChild(code);
        ask(hex, answer);
      });
    }
    input.addEventListener('change', function () { handle(input.files[0]); });
    drop.addEventListener('dragover', function (e) { e.preventDefault(); drop.classList.add('tl-drop-active'); });
    drop.addEventListener('dragleave', function () { drop.classList.remove('tl-drop-active'); });
    drop.addEventListener('drop', function (e) { e.preventDefault(); drop.classList.remove('tl-drop-active'); handle(e.dataTransfer.files[0]); });
    document.getElementById('checkHash').addEventListener('click', function () { ask(text.value, answer); });
    document.getElementById('checkConsistency').addEventListener('click', function () {
      var out = document.getElementById('consistencyAnswer');
      out.textContent = 'Asking the registry…';
      fetch(CONTEXT + '/api/verify/consistency', { method: 'POST', headers: { 'Content-Type': 'text/plain', 'Accept': 'application/json' },
          body: document.getElementById('savedCheckpoint').value })
        .then(function (r) { return r.json(); })
        .then(function (v) {
          out.textContent = '';
          var p = el('p', v.verdict || v.detail, 'tl-verdict ' + (v.consistent ? 'tl-pass' : 'tl-fail'));
          p.id = 'consistencyVerdict';
          out.appendChild(p);
          if (v.proof && v.proof.length) out.appendChild(el('p', 'Consistency proof (' + v.proof.length + ' hashes): ' + v.proof.join(' '), 'tl-hint tl-hash'));
        })
        .catch(function () { out.textContent = 'The registry could not be reached.'; });
    });
    var preset = new URLSearchParams(window.location.search).get('hash');
    if (preset) { text.value = preset; ask(preset, answer); }
  });
})();
