package org.sanad.server.encryption;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sanad.crypto.CryptoFailure;
import org.sanad.crypto.EncryptionContext;
import org.sanad.crypto.FieldCipher;
import org.sanad.crypto.Keyring;
import org.sanad.server.access.Caller;
import org.sanad.server.audit.AccessEvent;
import org.sanad.server.audit.AccessLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way to seal and open field values. Opening first records the disclosure in the access
 * log, in the caller's transaction: if that record cannot be written, nothing is opened.
 */
@Service
public class SealedFields implements Sealer {

    /** Security events (integrity failures) go to their own logger, with ids and never values. */
    static final Logger SECURITY = LoggerFactory.getLogger("org.sanad.security");

    private final Keyring keyring;
    private final FieldCipher cipher;
    private final AccessLog accessLog;

    SealedFields(Keyring keyring, AccessLog accessLog) {
        this.keyring = keyring;
        this.cipher = keyring.fieldCipher();
        this.accessLog = accessLog;
    }

    @Override
    public Sealed seal(EncryptionContext context, String plaintext) {
        return plaintext == null ? null : Sealed.of(cipher.seal(plaintext, context));
    }

    /** Creates the data key of a new defender: their unit of erasure. */
    public void createDefenderKey(String organisation, UUID defenderId) {
        keyring.createDefenderKey(organisation, defenderId);
    }

    /**
     * Opens the fields of one record for one response, after recording which fields are disclosed
     * to the caller and why.
     *
     * @return field name to plaintext, in the order given; null for empty fields
     * @throws IntegrityFailure if any value fails to open (a security event is logged)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, String> open(
            Caller caller, String recordType, UUID recordId, String purpose, List<SealedField> fields) {
        List<String> disclosed = new ArrayList<>();
        for (SealedField field : fields) {
            if (field.value() != null) {
                disclosed.add(field.name());
            }
        }
        return open(caller, new AccessEvent(AccessEvent.Action.READ, recordType, recordId, disclosed, purpose), fields);
    }

    /** Opens fields after recording the given access event (one entry for the whole response). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, String> open(Caller caller, AccessEvent event, List<SealedField> fields) {
        accessLog.record(caller, event);
        Map<String, String> opened = new LinkedHashMap<>();
        for (SealedField field : fields) {
            opened.put(field.name(), field.value() == null ? null : open(field));
        }
        return opened;
    }

    private String open(SealedField field) {
        try {
            return cipher.openString(field.value().bytes(), field.context());
        } catch (CryptoFailure e) {
            EncryptionContext context = field.context();
            SECURITY.warn(
                    "integrity failure: sealed value did not open under its context (entity={}, field={}, row={}, defender={})",
                    context.entity(),
                    context.field(),
                    context.rowId(),
                    context.defenderId());
            throw new IntegrityFailure();
        }
    }
}
