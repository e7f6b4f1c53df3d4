package org.physiocds.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.drools.ancompiler.CompiledNetwork;
import org.drools.ancompiler.CompiledNetworkSources;
import org.drools.ancompiler.ObjectTypeNodeCompiler;
import org.drools.base.InitialFact;
import org.drools.base.rule.ContextEntry;
import org.drools.core.reteoo.EntryPointNode;
import org.drools.core.reteoo.ObjectTypeNode;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.junit.jupiter.api.Test;

/**
 * The compiled alpha networks that the build generated fit the network that the engine builds, and
 * {@link AlphaNetworks} installs every one of them as Drools would. Drools' own generator (on this
 * module's build class path, not an application's) regenerates the sources from a network built
 * the engine's way: each must name a class that the build compiled, with the same fields (one per
 * node it references, named after the node's id), and each node reference must be set once the
 * engine has loaded.
 */
class AlphaNetworksTest {

    private static final Pattern FIELD = Pattern.compile("^}?private ([\\w.]+) (\\w+)(?: = [^;]*)?;", Pattern.MULTILINE);
    private static final ClassLoader LOADER = AlphaNetworksTest.class.getClassLoader();

    @Test
    void theGeneratedClasses_fitTheNetworkTheEngineBuilds() throws Exception {
        InternalKnowledgeBase fresh = (InternalKnowledgeBase) KieBaseBuilder.createKieBaseFromModel(models());
        Map<String, String> expected = new TreeMap<>();
        for (CompiledNetworkSources sources : ObjectTypeNodeCompiler.compiledNetworkSources(fresh.getRete())) {
            expected.put(sources.getName(), sources.getSource());
        }
        assertEquals(new TreeSet<>(expected.keySet()), new TreeSet<>(AlphaNetworks.classNames(fresh).values()));
        assertFalse(expected.isEmpty());
        for (Map.Entry<String, String> source : expected.entrySet()) {
            // Every constraint on one line: the generator copies it into a // comment (a hashed
            // node's switch labels each case with a "//switchVar value" comment of its own).
            assertEquals(List.of(), source.getValue().lines()
                            .filter(l -> l.contains("//") && !l.strip().endsWith("]") && !l.strip().startsWith("//switchVar "))
                            .toList(),
                    source.getKey() + " has a comment that runs over a line");
            Class<?> compiled = Class.forName(source.getKey(), false, LOADER);
            TreeSet<String> fields = new TreeSet<>();
            Matcher field = FIELD.matcher(source.getValue());
            while (field.find()) {
                fields.add(field.group(1) + " " + field.group(2));
            }
            assertEquals(fields, instanceFields(compiled).stream()
                    .filter(f -> !f.getName().equals("readAccessor"))
                    .map(f -> f.getType().getName() + " " + f.getName())
                    .collect(Collectors.toCollection(TreeSet::new)), source.getKey());
        }
    }

    @Test
    void theEngine_installsACompiledNetworkOnEveryObjectType_withEveryNodeReferenceSet() throws Exception {
        InternalKnowledgeBase kieBase = (InternalKnowledgeBase) KnowledgeBase.load(LOADER).kieBase();
        int compiled = 0;
        for (EntryPointNode entryPoint : kieBase.getRete().getEntryPointNodes().values()) {
            for (ObjectTypeNode node : entryPoint.getObjectTypeNodes().values()) {
                if (node.getObjectType().isAssignableTo(InitialFact.class)) {
                    continue;
                }
                assertTrue(node.getObjectSinkPropagator() instanceof CompiledNetwork, node.toString());
                CompiledNetwork network = (CompiledNetwork) node.getObjectSinkPropagator();
                assertEquals(node.getId(), network.getId());
                assertNotNull(network.getOriginalSinkPropagator());
                for (Field field : instanceFields(network.getClass())) {
                    // The generator declares a context entry per alpha node but sets none (nothing reads them).
                    if (!field.getName().equals("readAccessor") && field.getType() != ContextEntry.class) {
                        field.setAccessible(true);
                        assertNotNull(field.get(network), network.getClass().getName() + "." + field.getName());
                    }
                }
                compiled++;
            }
        }
        assertTrue(compiled > 10, compiled + " compiled networks");
    }

    private static List<Field> instanceFields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Field field : type.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                fields.add(field);
            }
        }
        return fields;
    }

    private static List<Model> models() throws IOException, ReflectiveOperationException {
        List<Model> models = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                LOADER.getResourceAsStream(KnowledgeBase.MODEL_LIST), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("Drools-Model-Version")) {
                    models.add((Model) Class.forName(line, true, LOADER).getDeclaredConstructor().newInstance());
                }
            }
        }
        return models;
    }
}
