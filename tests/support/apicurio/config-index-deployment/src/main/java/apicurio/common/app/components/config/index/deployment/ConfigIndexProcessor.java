package apicurio.common.app.components.config.index.deployment;

import java.util.ArrayList;
import java.util.List;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Type;

import apicurio.common.app.components.config.index.DynamicPropertiesInfoRecorder;
import io.apicurio.common.apps.config.DynamicConfigPropertyDef;
import io.apicurio.common.apps.config.DynamicConfigPropertyList;
import io.quarkus.arc.deployment.BeanDiscoveryFinishedBuildItem;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.arc.processor.InjectionPointInfo;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.runtime.RuntimeValue;

/**
 * Stand-in build step (see pom.xml): every field injection point carrying both
 * {@code @ConfigProperty} and {@code @io.apicurio.common.apps.config.Dynamic}
 * (typed {@code Supplier<T>}) becomes a {@link DynamicConfigPropertyDef}; the list is
 * recorded at runtime-init through the runtime module's recorder and published as the
 * synthetic bean {@link DynamicConfigPropertyList}.
 */
class ConfigIndexProcessor {

    private static final DotName CONFIG_PROPERTY = DotName.createSimple("org.eclipse.microprofile.config.inject.ConfigProperty");
    private static final DotName DYNAMIC = DotName.createSimple("io.apicurio.common.apps.config.Dynamic");

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void syntheticBean(DynamicPropertiesInfoRecorder recorder, BeanDiscoveryFinishedBuildItem beanDiscovery,
            BuildProducer<SyntheticBeanBuildItem> syntheticBeans) throws ClassNotFoundException {
        List<DynamicConfigPropertyDef> defs = new ArrayList<>();
        for (InjectionPointInfo ip : beanDiscovery.getInjectionPoints()) {
            AnnotationInstance configProperty = ip.getRequiredQualifier(CONFIG_PROPERTY);
            if (configProperty == null || !ip.isField()) {
                continue;
            }
            AnnotationInstance dynamic = ip.getTarget().asField().annotation(DYNAMIC);
            if (dynamic == null) {
                continue;
            }
            String name = configProperty.value("name").asString();
            AnnotationValue defaultValue = configProperty.value("defaultValue");
            if (defaultValue == null) {
                throw new IllegalStateException("Dynamic configuration property '" + name + "' must have a default value.");
            }
            Type valueType = ip.getRequiredType().asParameterizedType().arguments().get(0); // Supplier<T>
            Class<?> type = Class.forName(valueType.name().toString(), false, Thread.currentThread().getContextClassLoader());
            DynamicConfigPropertyDef def = new DynamicConfigPropertyDef(name, type, defaultValue.asString());
            AnnotationValue label = dynamic.value("label");
            AnnotationValue description = dynamic.value("description");
            AnnotationValue requires = dynamic.value("requires");
            if (label != null) {
                def.setLabel(label.asString());
            }
            if (description != null) {
                def.setDescription(description.asString());
            }
            if (requires != null) {
                def.setRequires(requires.asStringArray());
            }
            defs.add(def);
        }
        RuntimeValue<DynamicConfigPropertyList> list = recorder.initializePropertiesInfo(defs);
        syntheticBeans.produce(SyntheticBeanBuildItem.configure(DynamicConfigPropertyList.class)
                .runtimeValue(list).unremovable().setRuntimeInit().done());
    }
}
