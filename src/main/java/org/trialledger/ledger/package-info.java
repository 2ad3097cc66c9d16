/**
 * The ledger core, format-critical and plain Java (JDK + Bouncy Castle only): RFC 9162 Merkle tree
 * maths and proofs over stored complete subtrees, the binary ledger entry, C2SP signed notes and
 * checkpoints, RFC 8785 canonical JSON and salted commitments. The offline verifier jar is built
 * from this package. Any change to an encoding here is a breaking format change: see
 * docs/ledger-format.md.
 */
package org.trialledger.ledger;
