package org.trialledger.log.store;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.trialledger.ledger.Hash;

/**
 * Stores a {@link Hash} as its 64 lower-case hex digits, so that entities and services carry the
 * type and the hex form exists only in the column (and in JSON, where clients expect it).
 */
@Converter(autoApply = true)
public class HashConverter implements AttributeConverter<Hash, String> {

  @Override
  public String convertToDatabaseColumn(Hash hash) {
    return hash == null ? null : hash.hex();
  }

  @Override
  public Hash convertToEntityAttribute(String hex) {
    return hex == null ? null : Hash.ofHex(hex);
  }
}
