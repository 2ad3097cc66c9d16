package org.trialledger.ledger.note;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonObject;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.trialledger.ledger.Hash;
import org.trialledger.ledger.Vectors;

/**
 * The Go signed-note known answer (src/test/resources/vectors/signed-note) and checkpoint notes.
 */
class SignedNoteTest {
  private final JsonObject v = Vectors.json(Vectors.dir("signed-note/peterneumann.json"));

  @Test
  void reproducesTheKnownAnswerByteForByte() {
    NoteKey signer = NoteKey.parseSigner(v.getString("signer_key"));
    assertEquals(v.getString("verifier_key"), signer.verifierKey());
    assertEquals(v.getString("note"), SignedNote.sign(v.getString("text"), signer));
  }

  @Test
  void acceptsTheKnownNoteAndRejectsItWithAnyCharacterChanged() throws Exception {
    NoteKey verifier = NoteKey.parseVerifier(v.getString("verifier_key"));
    String note = v.getString("note");
    assertEquals(v.getString("text"), SignedNote.open(note, verifier));
    for (int i = 0; i < note.length(); i++) {
      char c = note.charAt(i);
      char other = c == 'x' ? 'y' : 'x';
      String changed = note.substring(0, i) + other + note.substring(i + 1);
      int at = i;
      assertThrows(
          SignedNote.NoteException.class,
          () -> SignedNote.open(changed, verifier),
          "changed at " + at);
    }
  }

  @Test
  void rejectsTrailingGarbageAWrongKeyAndAMissingSignature() {
    NoteKey verifier = NoteKey.parseVerifier(v.getString("verifier_key"));
    String note = v.getString("note");
    assertThrows(SignedNote.NoteException.class, () -> SignedNote.open(note + "garbage", verifier));
    assertThrows(
        SignedNote.NoteException.class, () -> SignedNote.open(note + "garbage\n", verifier));
    NoteKey stranger = NoteKey.generate("PeterNeumann", new SecureRandom(new byte[] {1}));
    assertThrows(SignedNote.NoteException.class, () -> SignedNote.open(note, stranger.verifier()));
    assertThrows(
        SignedNote.NoteException.class, () -> SignedNote.open(v.getString("text"), verifier));
  }

  @Test
  void rejectsAKeyTextWhoseIdDoesNotMatch() {
    String vkey = v.getString("verifier_key").replace("c74f20a3", "c74f20a4");
    assertThrows(IllegalArgumentException.class, () -> NoteKey.parseVerifier(vkey));
  }

  @Test
  void checkpointsRoundTripThroughSignedNotes() throws Exception {
    NoteKey key = NoteKey.signer("example.org/log", new byte[32]);
    Checkpoint c = new Checkpoint("example.org/log", 42, Hash.sha256("root".getBytes()));
    String note = c.sign(key);
    assertEquals(c, Checkpoint.open(note, key.verifier()));
    assertEquals("example.org/log\n42\n" + c.root().base64() + "\n", c.text());
    assertThrows(
        IllegalArgumentException.class,
        () -> Checkpoint.parse("example.org/log\n042\n" + c.root().base64() + "\n"));
    assertThrows(
        IllegalArgumentException.class, () -> Checkpoint.parse("example.org/log\n42\nAAAA\n"));
    assertDoesNotThrow(() -> Checkpoint.parse("o\n0\n" + c.root().base64() + "\nextension line\n"));
  }
}
