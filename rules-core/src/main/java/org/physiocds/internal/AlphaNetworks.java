package org.physiocds.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import org.drools.ancompiler.CompiledNetwork;
import org.drools.ancompiler.NetworkHandler;
import org.drools.ancompiler.ObjectTypeNodeParser;
import org.drools.base.InitialFact;
import org.drools.base.base.ClassObjectType;
import org.drools.base.common.NetworkNode;
import org.drools.base.rule.IndexableConstraint;
import org.drools.base.rule.accessor.ReadAccessor;
import org.drools.core.reteoo.AlphaNode;
import org.drools.core.reteoo.BetaNode;
import org.drools.core.reteoo.EntryPointNode;
import org.drools.core.reteoo.LeftInputAdapterNode;
import org.drools.core.reteoo.ObjectTypeNode;
import org.drools.core.reteoo.WindowNode;
import org.drools.core.util.index.AlphaRangeIndex;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.physiocds.CdsException;

/**
 * Installs the compiled alpha networks that the {@code rules-kb} build generated (Drools' alpha
 * network compiler, kie-maven-plugin {@code generateModel=WITHANC}): for each object type, one
 * class that tests the type's alpha constraints in straight-line code and hands the facts that pass
 * to the beta network, in place of the walk through the alpha nodes.
 *
 * <p>Drools' own loader ({@code AlphaNetworkCompilerOption.LOAD}, which only a {@code KieContainer}
 * honours) regenerates each class's Java source with JavaParser at every start, only to learn its
 * name and constructor arguments; and even its installation step ({@code
 * CompiledNetwork.setStartingObjectTypeNode}) walks the network with a handler class whose bytecode
 * cannot be verified without JavaParser on the class path. This does the same as that step with no
 * source and no JavaParser: the class name as Drools derives it from the object type node, the
 * constructor arguments from one traversal of the node, then the node references, by the
 * generated {@code setNetworkNodeReference}, and the compiled network in the node's place.
 *
 * <p>The generated classes refer to the network's nodes by id, so they fit only the network built
 * from the same model classes; their names carry the object type node's id and hash, and a missing
 * class fails the load rather than running half compiled. {@code -Dphysiocds.alphaNetworks=false}
 * leaves the interpreted alpha network in place (for comparisons).
 */
final class AlphaNetworks {

    /** Written by kie-maven-plugin next to the model list when it generated the compiled networks. */
    static final String MARKER = "META-INF/kie/org.physiocds/rules-kb/alpha-network-compiler";
    static final String SWITCH = "physiocds.alphaNetworks";
    static final String PACKAGE = "org.drools.ancompiler";

    private AlphaNetworks() {
    }

    /** Installs the compiled networks into {@code kieBase}; returns how many, 0 if none were built. */
    static int install(InternalKnowledgeBase kieBase, ClassLoader loader) {
        if ("false".equalsIgnoreCase(System.getProperty(SWITCH)) || !present(loader)) {
            return 0;
        }
        Map<ObjectTypeNode, String> classNames = classNames(kieBase);
        try {
            // CompiledNetwork.setObjectTypeNode minus its traversal: a protected field and method.
            Field objectTypeNode = CompiledNetwork.class.getDeclaredField("objectTypeNode");
            objectTypeNode.setAccessible(true);
            for (Map.Entry<ObjectTypeNode, String> entry : classNames.entrySet()) {
                ObjectTypeNode node = entry.getKey();
                Class<?> compiled = load(entry.getValue(), node, loader);
                Method setReference = compiled.getDeclaredMethod("setNetworkNodeReference", NetworkNode.class);
                setReference.setAccessible(true);

                // As ObjectTypeNodeCompiler.generateSource: a first traversal finds the indexable
                // constraints (more than one: the hashed alpha nodes are not traversed), and the
                // field reader of the one left is the constructor's first argument.
                ObjectTypeNodeParser parser = new ObjectTypeNodeParser(node);
                parser.accept(new Visitor(null, null));
                if (parser.getIndexableConstraints().size() > 1) {
                    parser.setTraverseHashedAlphaNodes(false);
                }
                IndexableConstraint indexable = parser.getIndexableConstraint();
                ReadAccessor reader = indexable == null ? null : indexable.getFieldExtractor();
                CompiledNetwork network = (CompiledNetwork) compiled
                        .getDeclaredConstructor(ReadAccessor.class, Map.class)
                        .newInstance(reader, Map.<String, AlphaRangeIndex>of());

                // As CompiledNetwork.setStartingObjectTypeNode.
                objectTypeNode.set(network, node);
                parser.accept(new Visitor(network, setReference));
                network.setOriginalSinkPropagator(node.getObjectSinkPropagator());
                node.setObjectSinkPropagator(network);
            }
        } catch (InvocationTargetException e) {
            throw new CdsException("cannot install the compiled alpha networks", e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new CdsException("cannot install the compiled alpha networks", e);
        }
        return classNames.size();
    }

    /**
     * The class that kie-maven-plugin generated for each object type node, named as
     * {@code ObjectTypeNodeCompiler.otnWithClassName} names it (which this cannot call: verifying
     * that class needs JavaParser), for the same nodes: every node but the initial fact's and those
     * that already have a compiled network.
     */
    static Map<ObjectTypeNode, String> classNames(InternalKnowledgeBase kieBase) {
        Map<ObjectTypeNode, String> names = new LinkedHashMap<>();
        for (EntryPointNode entryPoint : kieBase.getRete().getEntryPointNodes().values()) {
            for (ObjectTypeNode node : entryPoint.getObjectTypeNodes().values()) {
                if (node.getObjectType().isAssignableTo(InitialFact.class)
                        || node.getObjectSinkPropagator() instanceof CompiledNetwork) {
                    continue;
                }
                String type = ((ClassObjectType) node.getObjectType()).getClassName().replace('.', '_');
                String hash = String.valueOf(node.hashCode()).replace("-", "");
                names.put(node, PACKAGE + "." + String.format("Compiled%sNetwork%d%s", type, node.getId(), hash));
            }
        }
        return names;
    }

    private static Class<?> load(String name, ObjectTypeNode node, ClassLoader loader) {
        try {
            return Class.forName(name, true, loader);
        } catch (ClassNotFoundException e) {
            throw new CdsException("the knowledge base has no compiled alpha network " + name + " for "
                    + node.getObjectType() + ": its classes were generated from other rules", e);
        }
    }

    private static boolean present(ClassLoader loader) {
        try (InputStream marker = loader.getResourceAsStream(MARKER)) {
            return marker != null;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Hands the generated class each node that Drools' {@code CompiledNetwork.NodeReferenceSetter}
     * hands it (alpha, beta, left input adapter and window nodes); with no network, only walks. A
     * range index would need a constructor argument that this does not build: it is refused (Drools
     * indexes ranges from 9 range constraints on one field up, which these rules do not have).
     */
    private record Visitor(CompiledNetwork network, Method setReference) implements NetworkHandler {

        private void reference(NetworkNode node) {
            if (network == null) {
                return;
            }
            try {
                setReference.invoke(network, node);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new CdsException("cannot install the compiled alpha network " + network.getClass().getName(), e);
            }
        }

        @Override
        public void startNonHashedAlphaNode(AlphaNode node) {
            reference(node);
        }

        @Override
        public void startBetaNode(BetaNode node) {
            reference(node);
        }

        @Override
        public void startLeftInputAdapterNode(LeftInputAdapterNode node) {
            reference(node);
        }

        @Override
        public void startHashedAlphaNode(AlphaNode node, Object value) {
            reference(node);
        }

        @Override
        public void startWindowNode(WindowNode node) {
            reference(node);
        }

        @Override
        public void startRangeIndex(AlphaRangeIndex index) {
            throw new CdsException("a compiled alpha network with a range index is not supported: " + index);
        }

        @Override
        public void startObjectTypeNode(ObjectTypeNode node) {
        }

        @Override
        public void endObjectTypeNode(ObjectTypeNode node) {
        }

        @Override
        public void endNonHashedAlphaNode(AlphaNode node) {
        }

        @Override
        public void endBetaNode(BetaNode node) {
        }

        @Override
        public void endWindowNode(WindowNode node) {
        }

        @Override
        public void endWindowNode(LeftInputAdapterNode node) {
        }

        @Override
        public void startHashedAlphaNodes(IndexableConstraint constraint) {
        }

        @Override
        public void endHashedAlphaNodes(IndexableConstraint constraint) {
        }

        @Override
        public void endHashedAlphaNode(AlphaNode node, Object value) {
        }

        @Override
        public void nullCaseAlphaNodeStart(AlphaNode node) {
        }

        @Override
        public void nullCaseAlphaNodeEnd(AlphaNode node) {
        }

        @Override
        public void endRangeIndex(AlphaRangeIndex index) {
        }

        @Override
        public void startRangeIndexedAlphaNode(AlphaNode node) {
        }

        @Override
        public void endRangeIndexedAlphaNode(AlphaNode node) {
        }
    }
}
