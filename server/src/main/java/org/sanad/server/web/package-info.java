/**
 * HTTP plumbing shared by every module: RFC 9457 problem responses that never echo input,
 * exception text or stack traces, and a request id on every request and log line.
 */
@ApplicationModule(displayName = "Web", type = ApplicationModule.Type.OPEN)
package org.sanad.server.web;

import org.springframework.modulith.ApplicationModule;
