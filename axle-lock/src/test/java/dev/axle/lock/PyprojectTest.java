package dev.axle.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.axle.pep.Requirement;
import org.junit.jupiter.api.Test;

class PyprojectTest {
    @Test
    void dependenciesExtrasAndGroupsAreRead() {
        Pyproject p = Pyproject.parse("""
                [project]
                name = "Demo_App"
                requires-python = ">=3.9"
                dependencies = ["lib>=1"]
                [project.optional-dependencies]
                Fancy_Stuff = ["fancy"]
                [dependency-groups]
                Test = ["pytest", {include-group = "lint"}]
                lint = ["ruff"]
                """, "pyproject.toml");
        assertThat(p.name().orElseThrow()).hasToString("demo-app");
        assertThat(p.requiresPython().orElseThrow()).hasToString(">=3.9");
        assertThat(p.dependencies()).extracting(Requirement::toString).containsExactly("lib>=1");
        assertThat(p.optionalDependencies()).containsOnlyKeys("fancy-stuff");
        assertThat(p.dependencyGroups().keySet()).containsExactly("test", "lint");
        assertThat(p.dependencyGroups().get("test")).extracting(Requirement::toString).containsExactly("pytest", "ruff");
    }

    @Test
    void aProjectWithoutTablesHasNothingToLock() {
        Pyproject p = Pyproject.parse("", "pyproject.toml");
        assertThat(p.name()).isEmpty();
        assertThat(p.dependencies()).isEmpty();
        assertThat(p.dependencyGroups()).isEmpty();
    }

    @Test
    void problemsNameTheFileAndTheKey() {
        assertThatThrownBy(() -> Pyproject.parse("[project]\ndependencies = \"lib\"\n", "a/pyproject.toml"))
                .isInstanceOf(InvalidPyprojectException.class)
                .hasMessage("a/pyproject.toml: project.dependencies must be an array of dependency specifiers");
        assertThatThrownBy(() -> Pyproject.parse("[project]\ndependencies = [\"lib >\"]\n", "a/pyproject.toml"))
                .isInstanceOf(InvalidPyprojectException.class).hasMessageStartingWith("a/pyproject.toml: project.dependencies: ");
        assertThatThrownBy(() -> Pyproject.parse("[dependency-groups]\na = [{include-group = \"b\"}]\n", "p.toml"))
                .isInstanceOf(InvalidPyprojectException.class)
                .hasMessage("p.toml: [dependency-groups] data for 'a' was malformed: Dependency group 'b' not found");
        assertThatThrownBy(() -> Pyproject.parse("[project\n", "p.toml"))
                .isInstanceOf(InvalidPyprojectException.class).hasMessageStartingWith("p.toml: Invalid TOML at line 1");
    }
}
