package dev.osmosis.cli;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link InterruptTrap} on the JVM's signal handlers (sun.misc.Signal, exported by module jdk.unsupported for this
 * use). Reached by reflection: javac warns about every direct use of it as an internal API, whatever the
 * --release, and the build stays quiet. A JVM that lacks it, or a signal that cannot be handled (ignored by the
 * shell that started a background job, -Xrs), leaves that signal's default: the process ends as before.
 * A JVM shutdown hook could not do this: it runs when the process is already ending, with the calls cut off.
 */
final class SignalTrap implements InterruptTrap {
    /** What a shell reports for a process ended by Ctrl-C (128 + SIGINT). */
    static final int EXIT_INTERRUPTED = 130;
    private static final List<String> SIGNALS = List.of("INT", "TERM");

    @Override
    public Armed arm(Runnable onFirst) {
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
            Constructor<?> named = signal.getConstructor(String.class);
            Method handle = signal.getMethod("handle", signal, handlerType);
            AtomicInteger received = new AtomicInteger();
            Object handler = Proxy.newProxyInstance(SignalTrap.class.getClassLoader(), new Class<?>[] {handlerType},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "handle" -> {
                            if (received.incrementAndGet() == 1) {
                                onFirst.run();
                            } else {
                                Runtime.getRuntime().halt(EXIT_INTERRUPTED); // the user insists: no clean-up
                            }
                            yield null;
                        }
                        case "equals" -> proxy == args[0];
                        case "hashCode" -> System.identityHashCode(proxy);
                        default -> "osmosis interrupt handler";
                    });
            List<Object[]> previous = new ArrayList<>();
            for (String name : SIGNALS) {
                Object sig = named.newInstance(name);
                try {
                    previous.add(new Object[] {sig, handle.invoke(null, sig, handler)});
                } catch (java.lang.reflect.InvocationTargetException e) {
                    // this signal cannot be handled here (IllegalArgumentException): it keeps its default
                }
            }
            return () -> previous.forEach(p -> {
                try {
                    handle.invoke(null, p[0], p[1]);
                } catch (ReflectiveOperationException e) {
                    // restoring failed: the process is about to end anyway
                }
            });
        } catch (ReflectiveOperationException | RuntimeException e) {
            return () -> { };
        }
    }
}
