package kz.senim.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
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
import java.util.Arrays;
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
    private static final String[] ROLES = {"api", "dynamodb", "sns", "stream", "seed", "schedule",
            "kms", "cognito"};
    private static final String[] ADAPTERS_AND_HANDLERS = Arrays.stream(ROLES).map(r -> "kz.senim.." + r + "..")
            .toArray(String[]::new);
    private static final String HTTP_EDGE = "kz.senim.http..";
    private static final String STAFF_EDGE = "kz.senim.staff..";
    private static final String WIRING = "kz.senim.wiring..";
    /** The cases table's own home: its keys and the items several features write. Every feature's adapter may use it. */
    private static final String CASES_TABLE = "kz.senim.cases.dynamodb";

    /** Everything under kz.senim but the role packages, the HTTP edge helpers and the wiring. */
    private static final DescribedPredicate<JavaClass> DOMAIN = describe("are in a domain package", c ->
            c.getPackageName().startsWith("kz.senim.")
                    && !isIn(c, ADAPTERS_AND_HANDLERS) && !isIn(c, HTTP_EDGE, STAFF_EDGE, WIRING));

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
            .should().dependOnClassesThat().resideInAnyPackage(
                    concat(ADAPTERS_AND_HANDLERS, HTTP_EDGE, STAFF_EDGE, WIRING))
            .because("adapters depend on the domain, never the other way round");

    @ArchTest
    static final ArchRule features_depend_on_each_other_without_cycles = slices()
            .matching("kz.senim.(*)..")
            .should().beFreeOfCycles()
            .ignoreDependency(resideInAPackage(WIRING), DescribedPredicate.alwaysTrue())
            .ignoreDependency(DescribedPredicate.alwaysTrue(), resideInAPackage(WIRING))
            .because("a feature builds on the ones below it; only the composition root (wiring) knows everyone");

    @ArchTest
    static final ArchRule an_adapter_of_one_feature_uses_no_adapter_of_another = classes()
            .that().resideInAnyPackage(ADAPTERS_AND_HANDLERS)
            .should(useNoAdapterOfAnotherFeature())
            .because("each item of the cases table has one owner; keys and shared items live in " + CASES_TABLE);

    @ArchTest
    static final ArchRule lambda_handlers_import_no_aws_sdk_type = noClasses()
            .that(HANDLERS)
            .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk..")
            .because("a handler decodes an event, calls one use case and encodes; SDK types stay in adapters");

    @ArchTest
    static final ArchRule the_http_edge_knows_no_feature = noClasses()
            .that().resideInAPackage(HTTP_EDGE)
            .should().dependOnClassesThat(describe("are in a feature package", c ->
                    c.getPackageName().startsWith("kz.senim.") && !isIn(c, HTTP_EDGE,
                            "kz.senim.access..", "kz.senim.cases", "kz.senim.i18n..")))
            .because("edge helpers are shared by every route: they know requests, callers and problems, no feature");

    @ArchTest
    static final ArchRule access_policies_know_no_use_case = noClasses()
            .that().resideInAPackage("kz.senim.access..")
            .should().dependOnClassesThat(describe("are outside the case kernel and the directory", c ->
                    c.getPackageName().startsWith("kz.senim.") && !isIn(c, "kz.senim.access..", "kz.senim.cases",
                            "kz.senim.directory", "kz.senim.regions", "kz.senim.i18n")))
            .because("who may see what is decided on a case and the directory, never by calling a use case");

    @ArchTest
    static final ArchRule lambda_handlers_live_only_in_the_packages_of_their_trigger = classes()
            .that(HANDLERS)
            .should().resideInAnyPackage("kz.senim..api", "kz.senim..stream", "kz.senim..seed", "kz.senim..schedule",
                    "kz.senim..cognito")
            .because("api: HTTP routes, stream: DynamoDB streams, seed: CloudFormation custom resources,"
                    + " schedule: EventBridge schedules, cognito: user pool triggers");

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
                "kz.senim.directory", "kz.senim.alerting", "kz.senim.regions", "kz.senim.i18n", "kz.senim.handling",
                "kz.senim.acknowledgement", "kz.senim.escalation", "kz.senim.referral", "kz.senim.messaging",
                "kz.senim.audit", "kz.senim.access", "kz.senim.people", "kz.senim.overview");
        assertThat(domainPackages).noneMatch(p -> p.endsWith(".api") || p.endsWith(".dynamodb")
                || p.endsWith(".sns") || p.endsWith(".stream") || p.endsWith(".seed") || p.endsWith(".schedule")
                || p.endsWith(".kms") || p.endsWith(".cognito")
                || p.equals("kz.senim.wiring") || p.equals("kz.senim.http")
                || p.equals("kz.senim.staff"));
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

    @Test
    void every_test_lives_in_the_package_of_what_it_tests() {
        Set<String> mainPackages = new java.util.TreeSet<>();
        LAMBDA_CODE.forEach(c -> mainPackages.add(c.getPackageName()));
        JavaClasses tests = new ClassFileImporter()
                .withImportOption(location -> location.asURI().toString()
                        .startsWith(ArchitectureTest.class.getProtectionDomain().getCodeSource().getLocation().toString()))
                .importPackages("kz.senim");
        Set<String> strays = new java.util.TreeSet<>();
        tests.stream()
                .filter(c -> c.getSimpleName().endsWith("Test") || c.getSimpleName().endsWith("IT"))
                .map(JavaClass::getPackageName)
                .filter(p -> !mainPackages.contains(p) && !p.equals("kz.senim.architecture"))
                .forEach(strays::add);

        assertThat(tests.stream().map(JavaClass::getSimpleName)).contains("ArchitectureTest", "SubmitReportTest");
        assertThat(strays).as("test packages with no production code of their own").isEmpty();
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    /** {@code intake} for {@code kz.senim.intake.dynamodb.DynamoDbReports}. */
    private static String feature(JavaClass c) {
        String rest = c.getPackageName().substring("kz.senim.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static ArchCondition<JavaClass> useNoAdapterOfAnotherFeature() {
        return new ArchCondition<>("use no adapter of another feature") {
            @Override
            public void check(JavaClass adapter, ConditionEvents events) {
                adapter.getDirectDependenciesFromSelf().stream()
                        .map(Dependency::getTargetClass)
                        .map(target -> target.isArray() ? target.getBaseComponentType() : target)
                        .filter(target -> target.getPackageName().startsWith("kz.senim.")
                                && isIn(target, ADAPTERS_AND_HANDLERS)
                                && !target.getPackageName().equals(CASES_TABLE)
                                && !feature(target).equals(feature(adapter)))
                        .distinct()
                        .forEach(target -> events.add(SimpleConditionEvent.violated(adapter,
                                adapter.getName() + " uses " + target.getName() + ", an adapter of "
                                        + feature(target))));
            }
        };
    }

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
