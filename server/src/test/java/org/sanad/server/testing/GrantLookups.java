package org.sanad.server.testing;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.aopalliance.intercept.MethodInterceptor;
import org.sanad.server.access.BreakGlassGrants;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts, per record, how often the break-glass fact was asked for: every need-to-know decision
 * asks it exactly once, so the count is the number of decisions made about that record. Part of
 * the shared integration-test context; it only observes.
 */
public final class GrantLookups implements BeanPostProcessor {

    private static final Map<UUID, AtomicInteger> COUNTS = new ConcurrentHashMap<>();

    /** How many decisions were made about the record since the last {@link #reset}. */
    public static int of(UUID record) {
        return COUNTS.getOrDefault(record, new AtomicInteger()).get();
    }

    public static void reset(UUID record) {
        COUNTS.remove(record);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
        if (!(bean instanceof BreakGlassGrants)) {
            return bean;
        }
        MethodInterceptor counting = invocation -> {
            if (invocation.getMethod().getName().equals("activeGrant")
                    && invocation.getArguments()[1] instanceof UUID record) {
                COUNTS.computeIfAbsent(record, r -> new AtomicInteger()).incrementAndGet();
            }
            return invocation.proceed();
        };
        if (bean instanceof Advised advised) {
            advised.addAdvice(0, counting);
            return bean;
        }
        var proxy = new ProxyFactory(bean);
        proxy.setProxyTargetClass(true);
        proxy.addAdvice(counting);
        return proxy.getProxy();
    }
}
