package kz.senim.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Set;
import kz.senim.wiring.Wiring;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkClient;

/**
 * The shape of the Lambda code (functions/src/main only): a domain that knows nothing of AWS or of its adapters,
 * thin handlers in their role packages, configuration read in one place.
 */
@AnalyzeClasses(packages = "kz.senim", importOptions = ArchitectureTest.OnlyTheLambdaCode.class)
class ArchitectureTest {

    /** Role packages of a feature: the adapters and handlers around its domain. */
    private static final String[] ADAPTERS_AND_HANDLERS = {"kz.senim..api..", "kz.senim..dynamodb..",
        "kz.senim..sns..", "kz.senim..stream..", "kz.senim..seed..", "kz.senim..schedule.."};
    private static final String HTTP_EDGE = "kz.senim.http..";
    private static final String WIRING = "kz.senim.wiring..";

    /** Everything under kz.senim but the role packages, the HTTP edge helpers and the wiring. */
    private static final DescribedPredicate<JavaClass> DOMAIN = describe("are in a domain package", c ->
            c.getPackageName().startsWith("kz.senim.")
                    && !isIn(c, ADAPTERS_AND_HANDLERS) && !isIn(c, HTTP_EDGE, WIRING));

    private static final DescribedPredicate<JavaClass> HANDLERS =
            describe("are Lambda handlers", c -> c.isAssignableTo(RequestHandler.class) && !c.isInterface());

    @ArchTest
    static final ArchRule the_domain_knows_nothing_of_the_aws_sdk_or_the_lambda_runtime = noClasses()
            .that(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk..",
                    "com.amazonaws.services.lambda..")
            .because("domain packages own their interfaces; AWS lives in the adapters (STYLE.md rows 5 and 6)");

    @ArchTest
    static final ArchRule the_domain_depends_on_no_adapter_handler_edge_or_wiring_class = noClasses()
            .that(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage(concat(ADAPTERS_AND_HANDLERS, HTTP_EDGE, WIRING))
            .because("adapters depend on the domain, never the other way round");

    @ArchTest
    static final ArchRule lambda_handlers_live_only_in_the_packages_of_their_trigger = classes()
            .that(HANDLERS)
            .should().resideInAnyPackage("kz.senim..api", "kz.senim..stream", "kz.senim..seed", "kz.senim..schedule")
            .because("api: HTTP routes, stream: DynamoDB streams, seed: CloudFormation custom resources,"
                    + " schedule: EventBridge schedules");

    @ArchTest
    static final ArchRule lambda_handlers_have_a_no_arg_constructor_and_one_taking_the_wiring = classes()
            .that(HANDLERS)
            .should().bePublic()
            .andShould(havePublicConstructors(List.of(), List.of(Wiring.class)))
            .because("Lambda calls the no-arg constructor; tests and the local runner pass a Wiring (STYLE.md row 3)");

    @ArchTest
    static final ArchRule lambda_handlers_never_call_an_aws_client_themselves = noClasses()
            .that(HANDLERS)
            .should().dependOnClassesThat().areAssignableTo(SdkClient.class)
            .because("a handler decodes, calls one use case and encodes (STYLE.md row 2)");

    @ArchTest
    static final ArchRule no_class_but_the_wiring_and_handlers_reads_the_environment = noClasses()
            .that().resideOutsideOfPackage(WIRING)
            .and(DescribedPredicate.not(HANDLERS))
            .should().accessTargetWhere(systemGetenv())
            .because("configuration is read once, in Wiring, and passed in through constructors (STYLE.md row 4)");

    @ArchTest
    static final ArchRule handlers_and_the_http_edge_never_read_an_exceptions_message = noClasses()
            .that(HANDLERS).or().resideInAPackage(HTTP_EDGE)
            .should().callMethodWhere(describe("Throwable.getMessage()", (JavaMethodCall call) ->
                    call.getTargetOwner().isAssignableTo(Throwable.class)
                            && Set.of("getMessage", "getLocalizedMessage").contains(call.getName())))
            .because("exception messages may hold table names, ARNs or input; callers get a localized problem"
                    + " (STYLE.md row 9)");

    @ArchTest
    static final ArchRule no_class_reads_the_callers_ip_address_or_user_agent = noClasses()
            .should().callMethodWhere(describe("APIGatewayV2HTTPEvent...Http.getSourceIp() or getUserAgent()",
                    (JavaMethodCall call) -> call.getTargetOwner()
                            .isEquivalentTo(APIGatewayV2HTTPEvent.RequestContext.Http.class)
                            && Set.of("getSourceIp", "getUserAgent").contains(call.getName())))
            .because("nothing that identifies a reporter is stored or logged (BRIEF.md rule 1)");

    // --- the rules above see what they are meant to see ---------------------------------------------------------

    private static final JavaClasses LAMBDA_CODE = new ClassFileImporter()
            .withImportOption(new OnlyTheLambdaCode())
            .importPackages("kz.senim");

    @Test
    void the_domain_rule_covers_the_packages_of_the_architecture() {
        Set<String> domainPackages = new java.util.TreeSet<>();
        LAMBDA_CODE.that(DOMAIN).forEach(c -> domainPackages.add(c.getPackageName()));

        assertThat(domainPackages).contains("kz.senim.cases", "kz.senim.intake", "kz.senim.triage",
                "kz.senim.directory", "kz.senim.alerting", "kz.senim.regions", "kz.senim.i18n");
        assertThat(domainPackages).noneMatch(p -> p.endsWith(".api") || p.endsWith(".dynamodb")
                || p.endsWith(".sns") || p.endsWith(".stream") || p.endsWith(".seed") || p.endsWith(".schedule")
                || p.equals("kz.senim.wiring") || p.equals("kz.senim.http"));
    }

    @Test
    void the_environment_rule_sees_the_method_reference_in_wiring() {
        JavaClass wiring = LAMBDA_CODE.get(Wiring.class);

        assertThat(wiring.getAccessesFromSelf()).anyMatch(systemGetenv());
    }

    @Test
    void only_test_free_main_code_is_analysed() {
        assertThat(LAMBDA_CODE.stream().map(JavaClass::getPackageName))
                .isNotEmpty()
                .noneMatch(p -> p.startsWith("kz.senim.testing") || p.startsWith("kz.senim.handlers")
                        || p.startsWith("kz.senim.architecture") || p.startsWith("kz.senim.local")
                        || p.equals("kz.senim.api") || p.startsWith("kz.senim.infrastructure"));
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private static DescribedPredicate<JavaAccess<?>> systemGetenv() {
        return describe("System.getenv", access ->
                access.getTargetOwner().isEquivalentTo(System.class) && access.getName().equals("getenv"));
    }

    @SafeVarargs
    private static ArchCondition<JavaClass> havePublicConstructors(List<Class<?>>... parameterLists) {
        List<List<Class<?>>> wanted = List.of(parameterLists);
        String description = wanted.stream().map(ArchitectureTest::signature)
                .collect(java.util.stream.Collectors.joining(" and "));
        return new ArchCondition<>("have public constructors " + description) {
            @Override
            public void check(JavaClass handler, ConditionEvents events) {
                for (List<Class<?>> parameters : wanted) {
                    boolean present = handler.getConstructors().stream()
                            .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
                            .map(JavaConstructor::getRawParameterTypes)
                            .anyMatch(types -> types.size() == parameters.size() && java.util.stream.IntStream
                                    .range(0, types.size())
                                    .allMatch(i -> types.get(i).isEquivalentTo(parameters.get(i))));
                    if (!present) {
                        events.add(SimpleConditionEvent.violated(handler,
                                handler.getName() + " has no public constructor " + signature(parameters)));
                    }
                }
            }
        };
    }

    private static String signature(List<Class<?>> parameters) {
        return parameters.stream().map(Class::getSimpleName)
                .collect(java.util.stream.Collectors.joining(", ", "(", ")"));
    }

    private static boolean isIn(JavaClass c, String... packagePatterns) {
        return Set.of(packagePatterns).stream().anyMatch(pattern ->
                com.tngtech.archunit.core.domain.PackageMatcher.of(pattern).matches(c.getPackageName()));
    }

    private static String[] concat(String[] first, String... more) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(first), java.util.Arrays.stream(more))
                .toArray(String[]::new);
    }

    /** Only the classes compiled from functions/src/main: not the tests, not the other modules on the classpath. */
    public static final class OnlyTheLambdaCode implements ImportOption {

        private static final String MAIN_OUTPUT =
                Wiring.class.getProtectionDomain().getCodeSource().getLocation().toString();

        @Override
        public boolean includes(Location location) {
            return location.asURI().toString().startsWith(MAIN_OUTPUT);
        }
    }
}
