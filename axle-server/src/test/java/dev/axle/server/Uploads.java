package dev.axle.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Legacy-API uploads as twine sends them, built by hand for what twine would not send. */
public final class Uploads {
    private Uploads() {}

    /** The form fields twine sends for {@code file} of {@code name} {@code version}. */
    public static Map<String, String> form(Path file, String name, String version) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Map<String, String> form = new LinkedHashMap<>();
        form.put(":action", "file_upload");
        form.put("protocol_version", "1");
        form.put("name", name);
        form.put("version", version);
        form.put("filetype", file.toString().endsWith(".whl") ? "bdist_wheel" : "sdist");
        form.put("pyversion", file.toString().endsWith(".whl") ? "py3" : "source");
        form.put("metadata_version", "2.1");
        form.put("sha256_digest", Published.hex("SHA-256", bytes));
        form.put("md5_digest", Published.hex("MD5", bytes));
        return form;
    }

    public static HttpResponse<String> post(URI url, String token, Map<String, String> form, String filename, byte[] content)
            throws IOException, InterruptedException {
        String boundary = "axle-test-boundary-7d1f";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : form.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        if (content != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"content\"; filename=\""
                    + filename + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String[] headers = token == null
                ? new String[] {"Content-Type", "multipart/form-data; boundary=" + boundary}
                : new String[] {"Content-Type", "multipart/form-data; boundary=" + boundary, "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(("__token__:" + token).getBytes(StandardCharsets.UTF_8))};
        return Http.send(url, "POST", "", HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()), headers);
    }

    public static HttpResponse<String> upload(URI url, String token, Path file, String name, String version)
            throws IOException, InterruptedException {
        return post(url, token, form(file, name, version), file.getFileName().toString(), Files.readAllBytes(file));
    }
}
