package org.sanad.server.referrals;

/** How the defender gave consent to be referred. */
enum ConsentMethod {
    IN_PERSON,
    PHONE,
    VIDEO_CALL,
    WRITTEN,
    SECURE_MESSAGE
}
