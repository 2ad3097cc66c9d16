// Command tilecheck reads a TrialLedger log the way any C2SP tlog-tiles client does: only through
// <prefix>/checkpoint, <prefix>/tile/<L>/<N>[.p/<W>] and <prefix>/tile/entries/<N>[.p/<W>], with
// Go's golang.org/x/mod/sumdb/note and sumdb/tlog (Debian's golang-golang-x-mod-dev, GOPATH mode,
// no module download) and none of TrialLedger's code.
//
//	tilecheck PREFIX LOG_VKEY [OLD_SIZE:OLD_ROOT_BASE64...]
//
// It verifies the checkpoint's signature, recomputes the tree hash from the tiles (TileHashReader
// checks every tile it loads against the signed tree), proves every entry of the entry bundles
// into the checkpoint, and proves each older tree given on the command line consistent with it.
// Exits 1 on the first failure.
package main

import (
	"encoding/base64"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

const height = 8

var client = &http.Client{Timeout: 30 * time.Second}

func main() {
	if len(os.Args) < 3 {
		fail("usage: tilecheck PREFIX LOG_VKEY [OLD_SIZE:OLD_ROOT_BASE64...]")
	}
	prefix := strings.TrimSuffix(os.Args[1], "/")
	verifier, err := note.NewVerifier(os.Args[2])
	check(err, "log key")

	raw := get(prefix + "/checkpoint")
	n, err := note.Open(raw, note.VerifierList(verifier))
	check(err, "checkpoint signature")
	lines := strings.Split(n.Text, "\n")
	if len(lines) < 4 {
		fail("checkpoint body has fewer than three lines")
	}
	size, err := strconv.ParseInt(lines[1], 10, 64)
	check(err, "checkpoint size")
	rootBytes, err := base64.StdEncoding.DecodeString(lines[2])
	check(err, "checkpoint root")
	var root tlog.Hash
	copy(root[:], rootBytes)
	fmt.Printf("checkpoint %s size %d signature verified\n", lines[0], size)

	tree := tlog.Tree{N: size, Hash: root}
	hr := tlog.TileHashReader(tree, &tiles{prefix: prefix, seen: map[string][]byte{}})
	th, err := tlog.TreeHash(size, hr)
	check(err, "tree hash from tiles")
	if th != root {
		fail("tree hash from tiles differs from the checkpoint")
	}
	fmt.Println("tree hash from tiles matches the checkpoint")

	proved := int64(0)
	for start := int64(0); start < size; start += 1 << height {
		w := size - start
		if w > 1<<height {
			w = 1 << height
		}
		bundle := get(prefix + "/" + path("entries", start>>height, int(w)))
		entries := split(bundle)
		if int64(len(entries)) != w {
			fail(fmt.Sprintf("entry bundle at %d holds %d entries, want %d", start, len(entries), w))
		}
		for i, e := range entries {
			index := start + int64(i)
			proof, err := tlog.ProveRecord(size, index, hr)
			check(err, fmt.Sprintf("inclusion proof of entry %d", index))
			check(tlog.CheckRecord(proof, size, root, index, tlog.RecordHash(e)), fmt.Sprintf("entry %d", index))
			proved++
		}
	}
	fmt.Printf("entries %d proved into the checkpoint\n", proved)

	for _, arg := range os.Args[3:] {
		parts := strings.SplitN(arg, ":", 2)
		old, err := strconv.ParseInt(parts[0], 10, 64)
		check(err, "old size")
		oldBytes, err := base64.StdEncoding.DecodeString(parts[1])
		check(err, "old root")
		var oldRoot tlog.Hash
		copy(oldRoot[:], oldBytes)
		proof, err := tlog.ProveTree(size, old, hr)
		check(err, fmt.Sprintf("consistency proof from %d", old))
		check(tlog.CheckTree(proof, size, root, old, oldRoot), fmt.Sprintf("tree %d", old))
		fmt.Printf("tree %d consistent with tree %d\n", old, size)
	}
}

// tiles fetches hash tiles by their C2SP names (Go's own Tile.Path also carries the height) and
// keeps them: a tile is immutable, and TileHashReader has checked it against the signed tree.
type tiles struct {
	prefix string
	seen   map[string][]byte
}

func (t *tiles) Height() int { return height }

func (t *tiles) ReadTiles(ts []tlog.Tile) ([][]byte, error) {
	out := make([][]byte, len(ts))
	for i, tile := range ts {
		p := path(strconv.Itoa(tile.L), tile.N, tile.W)
		if data, ok := t.seen[p]; ok {
			out[i] = data
			continue
		}
		out[i] = get(t.prefix + "/" + p)
	}
	return out, nil
}

func (t *tiles) SaveTiles(ts []tlog.Tile, data [][]byte) {
	for i, tile := range ts {
		t.seen[path(strconv.Itoa(tile.L), tile.N, tile.W)] = data[i]
	}
}

func path(level string, n int64, w int) string {
	digits := fmt.Sprintf("%03d", n)
	for len(digits)%3 != 0 {
		digits = "0" + digits
	}
	var groups []string
	for i := 0; i < len(digits); i += 3 {
		g := digits[i : i+3]
		if i+3 < len(digits) {
			g = "x" + g
		}
		groups = append(groups, g)
	}
	p := "tile/" + level + "/" + strings.Join(groups, "/")
	if w < 1<<height {
		p += ".p/" + strconv.Itoa(w)
	}
	return p
}

func split(bundle []byte) [][]byte {
	var entries [][]byte
	for len(bundle) > 0 {
		if len(bundle) < 2 {
			fail("truncated entry bundle")
		}
		l := int(bundle[0])<<8 | int(bundle[1])
		if len(bundle) < 2+l {
			fail("truncated entry in bundle")
		}
		entries = append(entries, bundle[2:2+l])
		bundle = bundle[2+l:]
	}
	return entries
}

func get(url string) []byte {
	resp, err := client.Get(url)
	check(err, url)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	check(err, url)
	if resp.StatusCode != 200 {
		fail(fmt.Sprintf("GET %s: %s", url, resp.Status))
	}
	return body
}

func check(err error, what string) {
	if err != nil {
		fail(what + ": " + err.Error())
	}
}

func fail(msg string) {
	fmt.Println("FAIL " + msg)
	os.Exit(1)
}
