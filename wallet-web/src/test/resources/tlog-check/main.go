// Command tlog-check follows Kyodo's log with Go's own transparency-log code (golang.org/x/mod/sumdb/tlog and
// sumdb/note, Debian's golang-golang-x-mod-dev), so that the tiles are checked by an implementation Kyodo did not
// write. For each tree size given it fetches the signed checkpoint, verifies the log's signature, reads the tiles
// over HTTP through tlog.TileHashReader (which refuses tiles that do not hash up to the checkpoint's root),
// computes the root, inclusion proofs and consistency proofs to the other sizes, checks them, and reads the entry
// bundles (public entries hash to their leaf; withheld ones carry it). It prints one JSON object per size.
//
// With "cosignature" first it instead checks a witness's C2SP tlog-cosignature/v1 line on the latest checkpoint with
// Go's crypto/ed25519, building the signed message from the spec, and prints the cosignature's timestamp.
//
// usage: go run main.go <log prefix URL> <log vkey> <size>...
//        go run main.go cosignature <log prefix URL> <witness vkey>
package main

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

type tiles struct{ prefix string }

func (t tiles) Height() int { return 8 }

func (t tiles) ReadTiles(list []tlog.Tile) ([][]byte, error) {
	out := make([][]byte, len(list))
	for i, tile := range list {
		// Go's sumdb names tiles tile/<H>/<L>/<N>; C2SP tlog-tiles drops the height, which is always 8.
		path := strings.Replace(tile.Path(), "tile/8/", "tile/", 1)
		data, err := get(t.prefix + "/" + path)
		if err != nil {
			return nil, err
		}
		out[i] = data
	}
	return out, nil
}

func (t tiles) SaveTiles([]tlog.Tile, [][]byte) {}

func get(url string) ([]byte, error) {
	resp, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != 200 {
		return nil, fmt.Errorf("GET %s: %d %s", url, resp.StatusCode, body)
	}
	return body, nil
}

func b64(hashes []tlog.Hash) []string {
	out := []string{}
	for _, h := range hashes {
		out = append(out, base64.StdEncoding.EncodeToString(h[:]))
	}
	return out
}

type result struct {
	Size        int64               `json:"size"`
	Root        string              `json:"root"`
	Inclusion   map[string][]string `json:"inclusion"`
	Consistency map[string][]string `json:"consistency"`
	Bundles     int                 `json:"bundles"`
	Public      int                 `json:"publicEntries"`
	Withheld    int                 `json:"withheldEntries"`
}

func fail(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "tlog-check: "+format+"\n", args...)
	os.Exit(1)
}

// checkCosignature verifies the witness's cosignature/v1 line on the log's latest checkpoint.
func checkCosignature(prefix, vkey string) {
	parts := strings.SplitN(vkey, "+", 3)
	if len(parts) != 3 {
		fail("witness vkey %q is not name+id+key", vkey)
	}
	typed, err := base64.StdEncoding.DecodeString(parts[2])
	if err != nil || len(typed) != 33 || typed[0] != 0x04 {
		fail("witness vkey %q is not an Ed25519 cosignature/v1 key (type 0x04)", vkey)
	}
	name, key := parts[0], ed25519.PublicKey(typed[1:])
	digest := sha256.Sum256(append([]byte(name+"\n"), typed...))
	id := binary.BigEndian.Uint32(digest[:4])
	text, err := get(prefix + "/checkpoint")
	if err != nil {
		fail("%v", err)
	}
	split := bytes.LastIndex(text, []byte("\n\n"))
	if split < 0 {
		fail("the checkpoint is not a signed note")
	}
	body := text[:split+1]
	for _, line := range strings.Split(strings.TrimSuffix(string(text[split+2:]), "\n"), "\n") {
		fields := strings.Fields(strings.TrimPrefix(line, "\u2014 "))
		if len(fields) != 2 || fields[0] != name {
			continue
		}
		blob, err := base64.StdEncoding.DecodeString(fields[1])
		if err != nil || len(blob) != 4+8+64 {
			fail("the line of %s is not a cosignature/v1 (key id, u64 time, signature)", name)
		}
		if binary.BigEndian.Uint32(blob[:4]) != id {
			fail("the line of %s carries key id %x, the vkey gives %x", name, blob[:4], id)
		}
		timestamp := binary.BigEndian.Uint64(blob[4:12])
		message := append([]byte(fmt.Sprintf("cosignature/v1\ntime %d\n", timestamp)), body...)
		if !ed25519.Verify(key, message, blob[12:]) {
			fail("the cosignature of %s does not verify", name)
		}
		fmt.Printf("{\"witness\":%q,\"timestamp\":%d}\n", name, timestamp)
		return
	}
	fail("the latest checkpoint carries no line by %s", name)
}

func main() {
	if len(os.Args) == 4 && os.Args[1] == "cosignature" {
		checkCosignature(os.Args[2], os.Args[3])
		return
	}
	if len(os.Args) < 4 {
		fail("usage: main.go <log prefix> <log vkey> <size>...")
	}
	prefix, vkey := os.Args[1], os.Args[2]
	verifier, err := note.NewVerifier(vkey)
	if err != nil {
		fail("vkey: %v", err)
	}
	var sizes []int64
	for _, arg := range os.Args[3:] {
		n, err := strconv.ParseInt(arg, 10, 64)
		if err != nil {
			fail("size %q: %v", arg, err)
		}
		sizes = append(sizes, n)
	}
	sort.Slice(sizes, func(i, j int) bool { return sizes[i] < sizes[j] })
	roots := map[int64]tlog.Hash{}
	for _, size := range sizes {
		text, err := get(prefix + "/checkpoint?size=" + strconv.FormatInt(size, 10))
		if err != nil {
			fail("%v", err)
		}
		n, err := note.Open(text, note.VerifierList(verifier))
		if err != nil {
			fail("checkpoint %d: the log's signature does not verify: %v", size, err)
		}
		lines := strings.Split(n.Text, "\n")
		if len(lines) < 4 || lines[1] != strconv.FormatInt(size, 10) {
			fail("checkpoint %d: not a checkpoint of that size: %q", size, n.Text)
		}
		rootBytes, err := base64.StdEncoding.DecodeString(lines[2])
		if err != nil || len(rootBytes) != tlog.HashSize {
			fail("checkpoint %d: bad root %q", size, lines[2])
		}
		var root tlog.Hash
		copy(root[:], rootBytes)
		roots[size] = root
		reader := tlog.TileHashReader(tlog.Tree{N: size, Hash: root}, tiles{prefix})
		computed, err := tlog.TreeHash(size, reader)
		if err != nil {
			fail("tree %d: %v", size, err)
		}
		if computed != root {
			fail("tree %d: the tiles give root %v, the checkpoint signs %v", size, computed, root)
		}
		out := result{Size: size, Root: base64.StdEncoding.EncodeToString(root[:]),
			Inclusion: map[string][]string{}, Consistency: map[string][]string{}}
		for _, leaf := range []int64{0, size / 2, size - 1} {
			proof, err := tlog.ProveRecord(size, leaf, reader)
			if err != nil {
				fail("inclusion of %d in %d: %v", leaf, size, err)
			}
			leafHashes, err := reader.ReadHashes([]int64{tlog.StoredHashIndex(0, leaf)})
			if err != nil {
				fail("leaf %d: %v", leaf, err)
			}
			if err := tlog.CheckRecord(proof, size, root, leaf, leafHashes[0]); err != nil {
				fail("inclusion of %d in %d does not check: %v", leaf, size, err)
			}
			out.Inclusion[strconv.FormatInt(leaf+1, 10)] = b64(proof)
		}
		for _, older := range sizes {
			if older >= size {
				continue
			}
			proof, err := tlog.ProveTree(size, older, reader)
			if err != nil {
				fail("consistency %d -> %d: %v", older, size, err)
			}
			if err := tlog.CheckTree(proof, size, root, older, roots[older]); err != nil {
				fail("consistency %d -> %d does not check: %v", older, size, err)
			}
			out.Consistency[strconv.FormatInt(older, 10)] = b64(proof)
		}
		// The first and the last entry bundle of this tree: each item hashes to (or carries) its leaf hash.
		last := (size - 1) / 256
		for _, index := range []int64{0, last} {
			width := size - index*256
			if width > 256 {
				width = 256
			}
			tile := tlog.Tile{H: 8, L: 0, N: index, W: int(width)}
			path := strings.Replace(tile.Path(), "tile/8/0/", "tile/entries/", 1)
			bundle, err := get(prefix + "/" + path)
			if err != nil {
				fail("%v", err)
			}
			for i := int64(0); i < width; i++ {
				if len(bundle) < 2 {
					fail("bundle %s ends early at entry %d", path, i)
				}
				length := int(bundle[0])<<8 | int(bundle[1])
				if len(bundle) < 2+length {
					fail("bundle %s ends inside entry %d", path, i)
				}
				item := bundle[2 : 2+length]
				bundle = bundle[2+length:]
				var leafHash tlog.Hash
				if length == 33 && item[0] == 0x00 {
					copy(leafHash[:], item[1:])
					out.Withheld++
				} else {
					leafHash = tlog.RecordHash(item)
					out.Public++
				}
				stored, err := reader.ReadHashes([]int64{tlog.StoredHashIndex(0, index*256+i)})
				if err != nil {
					fail("leaf %d: %v", index*256+i, err)
				}
				if !bytes.Equal(stored[0][:], leafHash[:]) {
					fail("bundle %s entry %d does not hash to its leaf", path, i)
				}
			}
			if len(bundle) != 0 {
				fail("bundle %s has %d bytes after its %d entries", path, len(bundle), width)
			}
			out.Bundles++
			if last == 0 {
				break
			}
		}
		line, _ := json.Marshal(out)
		fmt.Println(string(line))
	}
}
