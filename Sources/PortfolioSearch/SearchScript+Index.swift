extension SearchScript {
    /// Reading the binary index: varints, document sets, shards and terms.
    static let index = #"""
  // Binary files: varints, document sets, shards, terms.
  function vi(r) {
    var x = 0, m = 1, c;
    do { c = r.b[r.o++]; x += (c & 127) * m; m *= 128; } while (c & 128);
    return x;
  }
  function words() { return new Uint32Array((M.docs + 31) >> 5); }
  function has(set, d) { return (set[d >> 5] >>> (d & 31)) & 1; }
  function readSet(r, df, set) {
    var mode = r.b[r.o++], i, d = -1;
    if (mode === 2) {
      var n = (M.docs + 7) >> 3;
      for (i = 0; i < n; i++) set[i >> 2] |= r.b[r.o + i] << ((i & 3) * 8);
      r.o += n;
    } else {
      for (i = 0; df < 0 ? r.o < r.b.length : i < df; i++) { d += vi(r) + 1; set[d >> 5] |= 1 << (d & 31); }
    }
    return set;
  }
  function fnv(s) {
    var b = new TextEncoder().encode(s), h = 0x811c9dc5;
    for (var i = 0; i < b.length; i++) { h ^= b[i]; h = Math.imul(h, 0x01000193); }
    return h >>> 0;
  }
  function shard(t) {
    var path = 'shards/' + (fnv(t.slice(-1) === '*' ? t.slice(0, -1) : t) & (M.shards - 1)).toString(16) + '.bin';
    if (!shardMaps[path]) shardMaps[path] = load(path, 1).then(function (b) {
      var map = dict(), r = { b: b, o: 0 }, dec = new TextDecoder();
      if (!b) return map;
      for (var k = 0, n = vi(r); k < n; k++) {
        var l = vi(r), t = dec.decode(b.subarray(r.o, r.o + l));
        r.o += l; l = vi(r);
        map[t] = b.subarray(r.o, r.o + l);
        r.o += l;
      }
      return map;
    });
    return shardMaps[path];
  }
  function term(b) {
    // qs[d]: the block's score of document d (0: not in the block); pos[d]: its positions.
    var r = { b: b, o: 0 }, df = vi(r), mode = b[r.o], set = words(), qs = new Uint8Array(M.docs), pos = new Map(), d = -1;
    if (mode) readSet(r, df, set); else r.o++;
    for (var i = 0, k = vi(r); i < k; i++) {
      d += vi(r) + 1;
      var ps = [], p = -1;
      qs[d] = b[r.o++];
      for (var j = 0, n = vi(r); j < n; j++) { p += vi(r) + 1; ps.push(p); }
      if (ps.length) pos.set(d, ps);
      if (!mode) set[d >> 5] |= 1 << (d & 31);
    }
    return { df: df, set: set, qs: qs, pos: pos, tail: mode ? b[r.o] : 0, idf: Math.log(1 + (M.docs - df + 0.5) / (df + 0.5)) };
  }

"""#
}
