package org.physiocds.bench;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * An A/B of whole builds on a noisy machine: two or more {@code benchmarks.jar} files, each in a
 * class loader of its own in one JVM, evaluate the typical and the complex patient in slices of
 * 200, the slices of every jar and patient shuffled together in each round, timed by the thread's
 * CPU time; after the warm-up rounds, the median slice per jar and patient, each jar against the
 * first, and (for jars that have it) the engine against Drools' firing alone ({@code
 * org.physiocds.internal.FiringAlone}). Load that comes and goes falls on every jar alike, where
 * runs one after the other would each see a different machine.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.physiocds.bench.InterleavedAB before.jar after.jar 40 10</pre>
 * (jars, then rounds and warm-up rounds).
 */
public final class InterleavedAB {

    private InterleavedAB() {
    }

    private interface Op {
        void run() throws Exception;
    }

    public static void main(String[] a) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<String, Op> ops = new LinkedHashMap<>();
        int jarsN = a.length - 2;
        String[] names = new String[jarsN];
        for (int j = 0; j < jarsN; j++) {
            names[j] = new File(a[j]).getName() + j;
            URLClassLoader cl = new URLClassLoader(new URL[]{new File(a[j]).toURI().toURL()}, ClassLoader.getPlatformClassLoader());
            Thread.currentThread().setContextClassLoader(cl);
            Class<?> eng = cl.loadClass("org.physiocds.CdsEngine");
            Object builder = eng.getMethod("builder").invoke(null);
            Object engine = builder.getClass().getMethod("build").invoke(builder);
            Class<?> patient = cl.loadClass("org.physiocds.model.Patient");
            Method named = cl.loadClass("org.physiocds.bench.Patients").getMethod("named", String.class);
            Method evaluate = eng.getMethod("evaluate", patient);
            for (String p : new String[]{"typical", "complex"}) {
                Object pat = named.invoke(null, p);
                ops.put(names[j] + " engine " + p, () -> {
                    Thread.currentThread().setContextClassLoader(cl);
                    evaluate.invoke(engine, pat);
                });
                try {
                    Class<?> fa = cl.loadClass("org.physiocds.internal.FiringAlone");
                    Object firing = fa.getConstructor().newInstance();
                    Method fire = fa.getMethod("fire", patient);
                    ops.put(names[j] + " firingAlone " + p, () -> {
                        Thread.currentThread().setContextClassLoader(cl);
                        fire.invoke(firing, pat);
                    });
                } catch (ClassNotFoundException e) {
                    // a build from before the firing-alone benchmark
                }
            }
        }
        int rounds = Integer.parseInt(a[jarsN]), warm = Integer.parseInt(a[jarsN + 1]), n = 200;
        Map<String, List<Double>> cpu = new LinkedHashMap<>();
        List<String> order = new ArrayList<>(ops.keySet());
        Random random = new Random(1);
        for (int r = 0; r < rounds; r++) {
            Collections.shuffle(order, random);
            for (String k : order) {
                Op op = ops.get(k);
                long t0 = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < n; i++) op.run();
                long t1 = mx.getCurrentThreadCpuTime();
                if (r >= warm) cpu.computeIfAbsent(k, x -> new ArrayList<>()).add((t1 - t0) / 1000.0 / n);
            }
        }
        Map<String, Double> med = new TreeMap<>();
        cpu.forEach((k, v) -> { Collections.sort(v); med.put(k, v.get(v.size() / 2)); });
        med.forEach((k, v) -> System.out.printf("%-28s median %.1f µs CPU per evaluation (%d slices of %d)%n", k, v, cpu.get(k).size(), n));
        for (String p : new String[]{"typical", "complex"}) {
            for (int j = 0; j < jarsN; j++) {
                Double firing = med.get(names[j] + " firingAlone " + p);
                System.out.printf("%s: %s against %s %.3f%s%n", p, names[j], names[0],
                        med.get(names[j] + " engine " + p) / med.get(names[0] + " engine " + p),
                        firing == null ? "" : String.format(", engine against firing alone %.3f",
                                med.get(names[j] + " engine " + p) / firing));
            }
        }
    }
}
