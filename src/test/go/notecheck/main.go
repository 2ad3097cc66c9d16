// Command notecheck verifies a signed checkpoint with golang.org/x/mod/sumdb/note, the Go
// implementation of signed notes, independently of TrialLedger's Java code. It is built in GOPATH
// mode against Debian's golang-golang-x-mod-dev package (no module download).
//
//	notecheck NOTE_FILE LOG_VKEY [COSIGNER_VKEY...]
//
// The log key is a signed-note Ed25519 key (type 0x01), read by note.NewVerifier. Cosigner keys
// are C2SP cosignature/v1 keys (type 0x04), which x/mod does not know; a small note.Verifier
// below implements them from the spec (c2sp.org/tlog-cosignature), so that note.Open checks them
// too. Prints one "verified NAME" line per verified signature and "unknown N" for the lines it
// ignored; exits 1 if note.Open fails.
package main

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
)

type cosignatureV1 struct {
	name string
	hash uint32
	key  ed25519.PublicKey
}

func (c cosignatureV1) Name() string    { return c.name }
func (c cosignatureV1) KeyHash() uint32 { return c.hash }

// Verify checks base64-decoded sig (after the 4-byte key hash): u64 timestamp then Ed25519 over
// "cosignature/v1\ntime T\n" followed by the note text.
func (c cosignatureV1) Verify(msg, sig []byte) bool {
	if len(sig) != 8+ed25519.SignatureSize {
		return false
	}
	t := binary.BigEndian.Uint64(sig[:8])
	if t > 1<<63-1 {
		return false
	}
	m := append([]byte("cosignature/v1\ntime "+strconv.FormatUint(t, 10)+"\n"), msg...)
	return ed25519.Verify(c.key, m, sig[8:])
}

func parseCosigner(vkey string) (cosignatureV1, error) {
	parts := strings.SplitN(vkey, "+", 3)
	if len(parts) != 3 {
		return cosignatureV1{}, errors.New("malformed cosigner key")
	}
	raw, err := base64.StdEncoding.DecodeString(parts[2])
	if err != nil || len(raw) != 33 || raw[0] != 0x04 {
		return cosignatureV1{}, errors.New("not a cosignature/v1 key")
	}
	h := sha256.Sum256(append([]byte(parts[0]+"\n"), raw...))
	c := cosignatureV1{parts[0], binary.BigEndian.Uint32(h[:4]), ed25519.PublicKey(raw[1:])}
	if fmt.Sprintf("%08x", c.hash) != parts[1] {
		return cosignatureV1{}, errors.New("cosigner key id does not match")
	}
	return c, nil
}

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: notecheck NOTE_FILE LOG_VKEY [COSIGNER_VKEY...]")
		os.Exit(2)
	}
	msg, err := os.ReadFile(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	logKey, err := note.NewVerifier(os.Args[2])
	if err != nil {
		fmt.Fprintln(os.Stderr, "log key:", err)
		os.Exit(2)
	}
	verifiers := []note.Verifier{logKey}
	for _, v := range os.Args[3:] {
		c, err := parseCosigner(v)
		if err != nil {
			fmt.Fprintln(os.Stderr, "cosigner key:", err)
			os.Exit(2)
		}
		verifiers = append(verifiers, c)
	}
	n, err := note.Open(msg, note.VerifierList(verifiers...))
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	for _, s := range n.Sigs {
		fmt.Println("verified", s.Name)
	}
	fmt.Println("unknown", len(n.UnverifiedSigs))
}
