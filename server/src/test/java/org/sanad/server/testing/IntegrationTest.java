package org.sanad.server.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A test of the whole server on a random port, against the PostgreSQL and Keycloak of this test
 * run. All such tests share one application context (Spring caches it), so the server starts once. {@link GrantLookups} observes the
 * need-to-know decisions it makes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(GrantLookups.class)
public @interface IntegrationTest {}
