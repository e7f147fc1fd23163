package jp.mamori;

import java.util.regex.Pattern;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Conventions from STYLE.md and the security model, checked on every build. */
@AnalyzeClasses(packages = "jp.mamori", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	/**
	 * Every handler names the permission it needs (ARCHITECTURE.md §6): none is open by
	 * accident.
	 */
	@ArchTest
	static final ArchRule everyHandlerDeclaresItsPermission = methods().that()
		.areDeclaredInClassesThat()
		.areAnnotatedWith(Controller.class)
		.or()
		.areDeclaredInClassesThat()
		.areAnnotatedWith(RestController.class)
		.and()
		.areMetaAnnotatedWith(RequestMapping.class)
		.should()
		.beAnnotatedWith(PreAuthorize.class)
		.because("every controller method and API endpoint declares its permission");

	@ArchTest
	static final ArchRule controllersArePackagePrivateInAWebPackage = classes().that()
		.areAnnotatedWith(Controller.class)
		.or()
		.areAnnotatedWith(RestController.class)
		.should()
		.notBePublic()
		.andShould()
		.resideInAPackage("..web..");

	@ArchTest
	static final ArchRule repositoriesLiveInInternalPackages = classes().that()
		.areAnnotatedWith(Repository.class)
		.should()
		.resideInAPackage("..internal..");

	@ArchTest
	static final ArchRule noVagueNames = noClasses().should(haveNameMatching(".*(Impl|Manager|Helper|Util|Utils)$"))
		.because("each class has a name that says what it does (STYLE.md)");

	@ArchTest
	static final ArchRule noJapaneseIdentifiers = noClasses()
		.should(haveNameMatching(".*[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}].*"))
		.because("Japanese lives in messages and data, not in identifiers");

	@ArchTest
	static final ArchRule noFieldInjection = noClasses().should()
		.dependOnClassesThat()
		.haveFullyQualifiedName("org.springframework.beans.factory.annotation.Autowired")
		.because("dependencies come through constructors");

	private static ArchCondition<JavaClass> haveNameMatching(String regex) {
		Pattern pattern = Pattern.compile(regex);
		return new ArchCondition<>("have a simple name matching " + regex) {
			@Override
			public void check(JavaClass item, ConditionEvents events) {
				if (pattern.matcher(item.getSimpleName()).matches()) {
					events.add(
							SimpleConditionEvent.satisfied(item, item.getName() + " is named " + item.getSimpleName()));
				}
			}
		};
	}

}
