/* The log's proofs checked in the browser, without trusting the server that sent them: RFC 9162 leaf and
   node hashing, inclusion and consistency proofs (as strict as transparency-dev/merkle and the Java core,
   org.trialledger.ledger), C2SP signed notes and checkpoints with Ed25519, and ledger entries
   (docs/ledger-format.md). SHA-256 and Ed25519 are the browser's own WebCrypto; nothing here evaluates
   code or trusts a verdict from elsewhere. Every function returns a Promise; a failed check rejects with a
   TrialLedgerProofs.CheckError whose message says what is wrong. Tests run this file against the same
   vectors as the Java core (VerifyPageIT). Sizes and indices are BigInt (a tree may pass 2^53 leaves). */
(function (global) {
  'use strict';

  function CheckError(message) {
    this.name = 'CheckError';
    this.message = message;
  }
  CheckError.prototype = Object.create(Error.prototype);
  CheckError.prototype.constructor = CheckError;

  /** Why the browser cannot check at all, said plainly: no WebCrypto outside a secure context (HTTPS or localhost). */
  function Unavailable(message) {
    this.name = 'Unavailable';
    this.message = message;
  }
  Unavailable.prototype = Object.create(Error.prototype);
  Unavailable.prototype.constructor = Unavailable;

  function fail(message) { throw new CheckError(message); }

  function subtle() {
    if (!global.crypto || !global.crypto.subtle)
      throw new Unavailable('This browser offers no WebCrypto on this page (it needs HTTPS or localhost), so nothing could be checked here.');
    return global.crypto.subtle;
  }

  // ---- bytes ----

  function hex(bytes) {
    var s = '';
    for (var i = 0; i < bytes.length; i++) s += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
    return s;
  }

  function fromHex(text, what) {
    if (typeof text !== 'string' || !/^([0-9a-fA-F]{2})*$/.test(text)) fail((what || 'A value') + ' is not hexadecimal');
    var out = new Uint8Array(text.length / 2);
    for (var i = 0; i < out.length; i++) out[i] = parseInt(text.substr(2 * i, 2), 16);
    return out;
  }

  /** Standard base64 with padding, nothing else (atob alone would also take white space). */
  function fromBase64(text, what) {
    if (typeof text !== 'string' || text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text))
      fail((what || 'A value') + ' is not base64');
    var bin;
    try { bin = global.atob(text); } catch (e) { fail((what || 'A value') + ' is not base64'); }
    var out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }

  function toBase64(bytes) {
    var bin = '';
    for (var i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]);
    return global.btoa(bin);
  }

  function concat() {
    var n = 0, i;
    for (i = 0; i < arguments.length; i++) n += arguments[i].length;
    var out = new Uint8Array(n), at = 0;
    for (i = 0; i < arguments.length; i++) { out.set(arguments[i], at); at += arguments[i].length; }
    return out;
  }

  function equal(a, b) {
    if (a.length !== b.length) return false;
    for (var i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
  }

  function big(n, what) {
    try {
      return typeof n === 'bigint' ? n : BigInt(n);
    } catch (e) {
      fail((what || 'A number') + ' is not an integer');
    }
  }

  function requireHash(h, what) {
    if (!(h instanceof Uint8Array) || h.length !== 32) fail((what || 'A hash') + ' is not 32 bytes');
    return h;
  }

  // ---- RFC 9162 §2.1 ----

  function sha256(bytes) {
    return Promise.resolve().then(function () { return subtle().digest('SHA-256', bytes); })
      .then(function (d) { return new Uint8Array(d); });
  }

  function leafHash(entry) { return sha256(concat(new Uint8Array([0]), entry)); }

  function nodeHash(left, right) { return sha256(concat(new Uint8Array([1]), left, right)); }

  /** RFC 9162 §2.1.3.2: the root an inclusion proof leads to; 0 ≤ index < size, and the proof has exactly the right length. */
  async function rootFromInclusionProof(index, size, leaf, proof) {
    index = big(index, 'The leaf index');
    size = big(size, 'The tree size');
    if (index < 0n || size < 0n || index >= size) fail('The index ' + index + ' is not below the tree size ' + size);
    requireHash(leaf, 'The leaf hash');
    (proof || []).forEach(function (p, i) { requireHash(p, 'Proof hash ' + i); });
    var fn = index, sn = size - 1n, r = leaf;
    for (var i = 0; i < (proof || []).length; i++) {
      var p = proof[i];
      if (sn === 0n) fail('The inclusion proof is longer than the tree is deep');
      if ((fn & 1n) === 1n || fn === sn) {
        r = await nodeHash(p, r);
        while ((fn & 1n) === 0n && fn !== 0n) { fn >>= 1n; sn >>= 1n; }
      } else {
        r = await nodeHash(r, p);
      }
      fn >>= 1n;
      sn >>= 1n;
    }
    if (sn !== 0n) fail('The inclusion proof is shorter than the tree is deep');
    return r;
  }

  async function verifyInclusion(index, size, leaf, proof, root) {
    requireHash(root, 'The root');
    var computed = await rootFromInclusionProof(index, size, leaf, proof);
    if (!equal(computed, root)) fail('The inclusion proof leads to another root (' + hex(computed) + ', not ' + hex(root) + ')');
  }

  /** RFC 9162 §2.1.4.2: the tree of size2 with root2 extends the tree of size1 with root1. */
  async function verifyConsistency(size1, size2, root1, root2, proof) {
    size1 = big(size1, 'The first size');
    size2 = big(size2, 'The second size');
    proof = proof || [];
    requireHash(root1, 'The first root');
    requireHash(root2, 'The second root');
    proof.forEach(function (p, i) { requireHash(p, 'Proof hash ' + i); });
    if (size1 <= 0n) fail('A consistency proof from the empty tree proves nothing');
    if (size2 < size1) fail('The second tree (' + size2 + ') is smaller than the first (' + size1 + ')');
    if (size1 === size2) {
      if (proof.length) fail('Equal sizes need an empty proof');
      if (!equal(root1, root2)) fail('Equal sizes but different roots');
      return;
    }
    if (!proof.length) fail('The consistency proof is empty');
    var path = proof.slice();
    if ((size1 & (size1 - 1n)) === 0n) path.unshift(root1); // a power of two: the first tree is a complete subtree
    var fn = size1 - 1n, sn = size2 - 1n;
    while ((fn & 1n) === 1n) { fn >>= 1n; sn >>= 1n; }
    var fr = path[0], sr = path[0];
    for (var i = 1; i < path.length; i++) {
      var c = path[i];
      if (sn === 0n) fail('The consistency proof is too long');
      if ((fn & 1n) === 1n || fn === sn) {
        fr = await nodeHash(c, fr);
        sr = await nodeHash(c, sr);
        while ((fn & 1n) === 0n && fn !== 0n) { fn >>= 1n; sn >>= 1n; }
      } else {
        sr = await nodeHash(sr, c);
      }
      fn >>= 1n;
      sn >>= 1n;
    }
    if (sn !== 0n) fail('The consistency proof is too short');
    if (!equal(fr, root1)) fail('The proof does not rebuild the first root');
    if (!equal(sr, root2)) fail('The proof does not rebuild the second root');
  }

  // ---- C2SP signed notes ----

  var DASH = '\u2014 ';
  var MAX_NOTE = 1 << 20;
  var utf8 = new TextEncoder();

  function validName(name) {
    return name.length > 0 && name.indexOf('+') < 0 && !/[\s\u0000-\u001f\u007f-\u009f]/.test(name);
  }

  function keyId(name, publicKey) {
    return sha256(concat(utf8.encode(name), new Uint8Array([0x0a, 0x01]), publicKey))
      .then(function (d) { return d.slice(0, 4); });
  }

  /**
   * A verifier key text name+hexid+base64(0x01 ‖ 32-byte Ed25519 key): its id must match the key. Resolves to
   * {name, keyId (8 hex digits), publicKey, text, cryptoKey}; rejects with Unavailable where the browser's
   * WebCrypto has no Ed25519.
   */
  async function parseVerifierKey(text) {
    text = String(text || '').trim();
    var first = text.indexOf('+'), second = first < 0 ? -1 : text.indexOf('+', first + 1);
    if (first <= 0 || second < 0) fail('A verifier key is name+keyid+base64');
    var name = text.substring(0, first), id = text.substring(first + 1, second);
    if (!validName(name)) fail('A key name is non-empty, without spaces or \'+\'');
    var raw = fromBase64(text.substring(second + 1), 'The key');
    if (raw.length !== 33 || raw[0] !== 0x01) fail('Only Ed25519 keys (type 0x01, 32 bytes) are supported');
    var pub = raw.slice(1);
    var computed = hex(await keyId(name, pub));
    if (computed !== id) fail('The key id ' + id + ' does not match the key (' + computed + ')');
    var cryptoKey;
    try {
      cryptoKey = await subtle().importKey('raw', pub, { name: 'Ed25519' }, false, ['verify']);
    } catch (e) {
      if (e instanceof Unavailable) throw e;
      if (e && e.name === 'NotSupportedError')
        throw new Unavailable('This browser\'s WebCrypto has no Ed25519, so no signature could be checked here.');
      fail('The key is not a valid Ed25519 public key');
    }
    return { name: name, keyId: id, publicKey: pub, text: name + '+' + id + '+' + toBase64(raw), cryptoKey: cryptoKey };
  }

  function requireText(text) {
    if (!text.length || text.charAt(text.length - 1) !== '\n') fail('A note\'s text ends with a newline');
    if (/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/.test(text)) fail('A note\'s text has no control characters');
    if (/[\ud800-\udbff](?![\udc00-\udfff])|(^|[^\ud800-\udbff])[\udc00-\udfff]/.test(text))
      fail('A note\'s text has no control characters');
  }

  /**
   * Checks a signed note and resolves to its text. Valid means: well formed, and a signature line names the
   * key (same name and key id) and verifies over the text's UTF-8 bytes. Signatures by other keys are ignored.
   */
  async function openNote(note, key) {
    if (typeof note !== 'string') fail('The note is not text');
    if (note.length > MAX_NOTE) fail('The note is too large');
    var split = note.lastIndexOf('\n\n');
    if (split < 0) fail('The note has no signature block');
    var text = note.substring(0, split + 1), signatures = note.substring(split + 2);
    requireText(text);
    if (!signatures.length || signatures.charAt(signatures.length - 1) !== '\n') fail('The signature block must end with a newline');
    var lines = signatures.substring(0, signatures.length - 1).split('\n');
    var verified = false;
    for (var i = 0; i < lines.length; i++) {
      var line = lines[i];
      if (line.indexOf(DASH) !== 0) fail('Malformed signature line: ' + abbreviate(line));
      var rest = line.substring(DASH.length), space = rest.indexOf(' ');
      if (space <= 0) fail('Malformed signature line: ' + abbreviate(line));
      var name = rest.substring(0, space);
      var payload = fromBase64(rest.substring(space + 1), 'A signature');
      if (payload.length < 5) fail('A signature is too short');
      if (name !== key.name || hex(payload.slice(0, 4)) !== key.keyId) continue;
      var ok = payload.length === 68
        && await subtle().verify({ name: 'Ed25519' }, key.cryptoKey, payload.slice(4), utf8.encode(text));
      if (!ok) fail('The signature by ' + key.name + ' does not verify');
      verified = true;
    }
    if (!verified) fail('The note has no signature by ' + key.name + '+' + key.keyId);
    return text;
  }

  function abbreviate(s) { return s.length > 40 ? s.substring(0, 40) + '…' : s; }

  /** A C2SP tlog-checkpoint body: origin, decimal size, base64 root, optional extension lines. */
  function parseCheckpoint(text) {
    if (text.charAt(text.length - 1) !== '\n') fail('A checkpoint ends with a newline');
    var lines = text.substring(0, text.length - 1).split('\n');
    if (lines.length < 3) fail('A checkpoint has an origin, a size and a root hash');
    if (!lines[0].length) fail('The origin is one non-empty line');
    if (!/^(0|[1-9][0-9]{0,18})$/.test(lines[1])) fail('The tree size is not a decimal number: ' + lines[1]);
    var size = BigInt(lines[1]);
    if (size > 9223372036854775807n) fail('The tree size is out of range');
    var root = requireHash(fromBase64(lines[2], 'The root hash'), 'The root hash');
    var extensions = lines.slice(3);
    extensions.forEach(function (e) { if (!e.length) fail('An extension is one non-empty line'); });
    return { origin: lines[0], size: size, root: root, extensions: extensions };
  }

  async function openCheckpoint(note, key) {
    var text = await openNote(note, key);
    try {
      return parseCheckpoint(text);
    } catch (e) {
      if (e instanceof CheckError) fail('Not a checkpoint: ' + e.message);
      throw e;
    }
  }

  // ---- ledger entries (docs/ledger-format.md §3) ----

  /** Decodes an entry's bytes strictly: version 1, kind 0 or 1, lengths in range, valid UTF-8, nothing after the end. */
  function decodeEntry(bytes) {
    var at = 0;
    function take(n) {
      if (at + n > bytes.length) fail('The entry is truncated');
      var out = bytes.slice(at, at + n);
      at += n;
      return out;
    }
    function u16() { var b = take(2); return (b[0] << 8) | b[1]; }
    if (take(1)[0] !== 1) fail('Unknown entry format version');
    var kind = take(1)[0];
    if (kind > 1) fail('Unknown content kind ' + kind);
    var typeLength = u16();
    if (typeLength < 1 || typeLength > 64) fail('The artifact type length is out of range');
    var type = String.fromCharCode.apply(null, take(typeLength));
    if (!/^[A-Z0-9_]+$/.test(type)) fail('The artifact type is not [A-Z0-9_]');
    var idLength = u16();
    if (idLength < 1 || idLength > 256) fail('The artifact id length is out of range');
    var id;
    try { id = new TextDecoder('utf-8', { fatal: true }).decode(take(idLength)); } catch (e) { fail('The artifact id is not UTF-8'); }
    var v = take(4), version = ((v[0] << 24) >>> 0) + (v[1] << 16) + (v[2] << 8) + v[3];
    if (version < 1) fail('The artifact version is below 1');
    var contentHash = hex(take(32));
    var t = take(8), queuedAt = 0n;
    for (var i = 0; i < 8; i++) queuedAt = (queuedAt << 8n) | BigInt(t[i]);
    if (at !== bytes.length) fail('Bytes follow the end of the entry');
    return {
      kind: kind === 0 ? 'HASH' : 'COMMITMENT', artifactType: type, artifactId: id, artifactVersion: version,
      contentHash: contentHash, queuedAtMillis: BigInt.asIntN(64, queuedAt)
    };
  }

  global.TrialLedgerProofs = {
    CheckError: CheckError,
    Unavailable: Unavailable,
    hex: hex,
    fromHex: fromHex,
    fromBase64: fromBase64,
    sha256: sha256,
    leafHash: leafHash,
    nodeHash: nodeHash,
    rootFromInclusionProof: rootFromInclusionProof,
    verifyInclusion: verifyInclusion,
    verifyConsistency: verifyConsistency,
    parseVerifierKey: parseVerifierKey,
    openNote: openNote,
    parseCheckpoint: parseCheckpoint,
    openCheckpoint: openCheckpoint,
    decodeEntry: decodeEntry
  };
})(window);
