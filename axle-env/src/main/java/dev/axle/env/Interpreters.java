package dev.axle.env;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Finds Python interpreters and asks them about themselves, remembering the answers.
 *
 * <p>{@link #query} runs a small script with the interpreter once and caches the answer on
 * disk, keyed by the executable's path and checked against its modification time and size
 * (and those of the file it links to, a venv's {@code pyvenv.cfg} and the PEP 668 marker
 * file), so later queries cost a few file system calls and no process. A new venv like one
 * seen before (same base interpreter and configuration) is described from that one's answer,
 * also without a process.
 *
 * <p>{@link #find} searches, in order: the folders on {@code PATH} (except version managers'
 * {@code shims} folders, whose scripts answer for whatever version is selected at the time,
 * which a cache keyed by file cannot see), pyenv's installed versions
 * ({@code $PYENV_ROOT/versions/}, default {@code ~/.pyenv}, newest first), then
 * {@code /usr/local/bin} and {@code /usr/bin}. In each folder it tries {@code python3.X}
 * when a minor version is asked for, then {@code python3} and {@code python}, then every
 * {@code python3.X}, newest first. Interpreters older than 3.7 and ones that fail are passed over.
 */
public final class Interpreters {
    /** Environment variables the query script's answer depends on; a change makes a cached answer stale. */
    private static final List<String> ANSWER_VARIABLES = List.of("HOME", "PYTHONUSERBASE", "PYTHONNOUSERSITE",
            "LANG", "LC_ALL", "LC_MESSAGES", "USERPROFILE", "APPDATA");

    private final InterpreterCache cache;
    private final Map<String, String> environment;
    private final Map<String, String> answerVariables;
    private final AtomicLong queriesRun = new AtomicLong();

    /**
     * @param cacheFolder where answers are kept, such as {@code ~/.cache/axle/interpreters-v1}
     *     ({@link CacheDir#interpreters()}); created when first written
     * @param environment the process environment: {@code PATH}, {@code PYENV_ROOT} and
     *     {@code HOME} guide the search, and interpreters run with it
     */
    public Interpreters(Path cacheFolder, Map<String, String> environment) {
        this.cache = new InterpreterCache(cacheFolder.toAbsolutePath());
        this.environment = Map.copyOf(environment);
        Map<String, String> vars = new TreeMap<>();
        for (String name : ANSWER_VARIABLES) {
            String value = environment.get(name);
            if (value != null) {
                vars.put(name, value);
            }
        }
        this.answerVariables = vars;
    }

    /** The environment interpreters are searched for and run with. */
    public Map<String, String> environment() {
        return environment;
    }

    /** How many interpreter processes this finder has started (answers from the cache start none). */
    public long queriesRun() {
        return queriesRun.get();
    }

    /**
     * Describes the interpreter at {@code executable}, from the cache when it is current.
     *
     * @param executable a Python executable; relative paths are taken from the current folder
     * @throws UnsupportedInterpreterException for Python 2 and 3.0 to 3.6
     * @throws InterpreterQueryException when the file is missing, is not an interpreter, or fails
     */
    public PythonInterpreter query(Path executable) {
        Path path = executable.toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw new InterpreterQueryException(path, "no such file");
        }
        if (Files.isDirectory(path)) {
            throw new InterpreterQueryException(path, "it is a folder, not an executable");
        }
        return QueryAnswer.read(path, answer(path));
    }

    private JsonNode answer(Path path) {
        Optional<JsonNode> cached = cache.lookup(path, answerVariables);
        if (cached.isPresent()) {
            return cached.get();
        }
        List<FileStamp> stamps = InterpreterCache.stampsBefore(path);
        Optional<JsonNode> likeAnotherVenv = cache.lookupVenv(path, answerVariables);
        if (likeAnotherVenv.isPresent()) {
            cache.store(path, answerVariables, stamps, likeAnotherVenv.get());
            return likeAnotherVenv.get();
        }
        queriesRun.incrementAndGet();
        JsonNode answer = QueryScript.run(path, environment);
        cache.store(path, answerVariables, stamps, answer);
        cache.storeVenv(path, answerVariables, answer);
        return answer;
    }

    /**
     * The first interpreter that satisfies {@code request}: for a path, the interpreter there
     * (failing if it is not one); otherwise the first match in the search order.
     *
     * @throws InterpreterQueryException or {@link UnsupportedInterpreterException} when the
     *     request names a path whose interpreter cannot be used
     */
    public Optional<PythonInterpreter> find(PythonRequest request) {
        return new InterpreterSearch(this, request).run().found();
    }

    /**
     * As {@link #find}, failing when nothing matches.
     *
     * @throws InterpreterNotFoundException listing the places searched and the interpreters seen
     */
    public PythonInterpreter require(PythonRequest request) {
        InterpreterSearch.Result result = new InterpreterSearch(this, request).run();
        return result.found().orElseThrow(
                () -> new InterpreterNotFoundException(request, result.searched(), result.seen()));
    }

    /** Every usable interpreter in the search order, each once. */
    public List<PythonInterpreter> findAll() {
        return new ArrayList<>(new InterpreterSearch(this, PythonRequest.ANY).all());
    }
}
