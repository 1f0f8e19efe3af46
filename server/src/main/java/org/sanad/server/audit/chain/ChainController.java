package org.sanad.server.audit.chain;

import java.util.Base64;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The tamper-evident chain: verification on demand and the checkpoint key to pin. */
@RestController
class ChainController {

    private final AuditChain chain;

    ChainController(AuditChain chain) {
        this.chain = chain;
    }

    record PublicKey(String algorithm, String key, String keyId) {}

    /** Appends what is pending, then recomputes the whole chain and reports the first bad entry. */
    @PostMapping("/api/audit/verify")
    ChainVerifier.Result verify() {
        chain.appendPending();
        return chain.verify();
    }

    /** The checkpoint key, for verifiers outside the server (pin it; do not fetch it at verify time). */
    @GetMapping("/api/audit/public-key")
    PublicKey publicKey() {
        byte[] key = chain.publicKey();
        return new PublicKey("Ed25519", Base64.getEncoder().encodeToString(key), ChainVerifier.fingerprint(key));
    }
}
