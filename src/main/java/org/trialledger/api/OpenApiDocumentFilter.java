package org.trialledger.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.servers.Server;
import org.eclipse.microprofile.openapi.models.tags.Tag;
import org.trialledger.platform.Problem;

/**
 * Finishes the OpenAPI document that Payara builds from the annotations, so that standard tools
 * accept it (Redocly's recommended rules, openapi-generator; see docs/api.md). Registered by {@code
 * mp.openapi.filter} in META-INF/microprofile-config.properties. Done here once, rather than
 * repeated on some 70 operations:
 *
 * <ul>
 *   <li>every operation documents its RFC 9457 problem responses (the shared {@code Problem}
 *       schema, media type application/problem+json), chosen from what {@link RoleCheckFilter} and
 *       {@link ProblemExceptionMapper} answer for an operation of that shape: 401/403 when it needs
 *       credentials, 404 with path parameters, 400 with query parameters or a body, 409/422 with a
 *       body, else 406;
 *   <li>public operations (no {@code @SecurityRequirement}, i.e. {@code @PermitAll}) say so with an
 *       empty security requirement ({@code security: [{}]}) instead of saying nothing;
 *   <li>the server URL becomes relative (the context root): the absolute one Payara writes names
 *       whatever host and port the server thinks it has, and ends in a slash at the root context;
 *   <li>tags, one per resource class in Payara's output, are listed once;
 *   <li>schemas no operation uses (Payara also scans JSF backing beans) are left out;
 *   <li>Payara 6.2025.10's non-standard root property {@code endpoints} (later Payara versions call
 *       it {@code x-endpoints}) is emptied, which keeps it out of the document.
 * </ul>
 */
public class OpenApiDocumentFilter implements OASFilter {
  static final String PROBLEM = "Problem";
  static final String FIELD_ERROR = "FieldError";
  private static final String REF = "#/components/responses/";

  /** The shared problem responses: status → component name and description. */
  private static final Map<String, String[]> RESPONSES = new LinkedHashMap<>();

  static {
    RESPONSES.put(
        "400",
        new String[] {
          "BadRequest", "The request is malformed or has invalid fields (listed in `errors`)"
        });
    RESPONSES.put(
        "401",
        new String[] {
          "Unauthorized", "Credentials are missing or wrong, or the account is locked (HTTP Basic)"
        });
    RESPONSES.put(
        "403", new String[] {"Forbidden", "The authenticated user's role may not do this"});
    RESPONSES.put("404", new String[] {"NotFound", "There is no such resource"});
    RESPONSES.put(
        "406",
        new String[] {
          "NotAcceptable", "No representation in the media type the Accept header asks for"
        });
    RESPONSES.put(
        "409",
        new String[] {"Conflict", "The request breaks a rule of the resource's current state"});
    RESPONSES.put(
        "422",
        new String[] {
          "UnprocessableContent",
          "Well-formed, but fields break the registry's rules (listed in `errors`)"
        });
  }

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    Components components = openAPI.getComponents();
    if (components == null) {
      components = OASFactory.createComponents();
      openAPI.setComponents(components);
    }
    if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
      for (PathItem item : openAPI.getPaths().getPathItems().values()) {
        List<Parameter> shared = item.getParameters() == null ? List.of() : item.getParameters();
        item.getOperations().forEach((method, operation) -> document(method, operation, shared));
      }
    }
    pruneUnusedSchemas(openAPI, components);
    addProblemComponents(components);
    relativeServers(openAPI);
    dedupeTags(openAPI);
    dropPayaraEndpoints(openAPI);
  }

  private static void document(
      PathItem.HttpMethod method, Operation operation, List<Parameter> shared) {
    boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
    // Public: one empty requirement, "no credentials needed" (Payara leaves an empty list out of
    // the document).
    if (!secured)
      operation.setSecurity(new ArrayList<>(List.of(OASFactory.createSecurityRequirement())));
    List<Parameter> parameters = new ArrayList<>(shared);
    if (operation.getParameters() != null) parameters.addAll(operation.getParameters());
    boolean pathParams = parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH);
    boolean queryParams = parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY);
    boolean body = operation.getRequestBody() != null;
    boolean changes =
        method == PathItem.HttpMethod.POST
            || method == PathItem.HttpMethod.PUT
            || method == PathItem.HttpMethod.DELETE;

    List<String> statuses = new ArrayList<>();
    if (queryParams || body) statuses.add("400");
    if (secured) {
      statuses.add("401");
      statuses.add("403");
    }
    if (pathParams) statuses.add("404");
    if (changes && (body || pathParams)) statuses.add("409");
    if (body) statuses.add("422");
    if (statuses.isEmpty()) statuses.add("406");

    APIResponses responses = operation.getResponses();
    if (responses == null) {
      responses = OASFactory.createAPIResponses();
      operation.setResponses(responses);
    }
    for (String status : statuses) {
      if (!responses.hasAPIResponse(status)) {
        responses.addAPIResponse(
            status, OASFactory.createAPIResponse().ref(REF + RESPONSES.get(status)[0]));
      }
    }
  }

  private static void addProblemComponents(Components components) {
    Schema fieldError =
        OASFactory.createSchema()
            .type(Schema.SchemaType.OBJECT)
            .description("One invalid field of the request")
            .addProperty(
                "field",
                OASFactory.createSchema()
                    .type(Schema.SchemaType.STRING)
                    .description("The field's name")
                    .example("username"))
            .addProperty(
                "message",
                OASFactory.createSchema()
                    .type(Schema.SchemaType.STRING)
                    .description("What is wrong with it")
                    .example("must not be blank"))
            .required(List.of("field", "message"));
    Schema problem =
        OASFactory.createSchema()
            .type(Schema.SchemaType.OBJECT)
            .description(
                "An RFC 9457 problem document: what every failed call answers, as "
                    + Problem.MEDIA_TYPE)
            .addProperty(
                "type",
                OASFactory.createSchema()
                    .type(Schema.SchemaType.STRING)
                    .format("uri-reference")
                    .description("The problem type; about:blank (the status says it all)")
                    .example("about:blank"))
            .addProperty(
                "title",
                OASFactory.createSchema()
                    .type(Schema.SchemaType.STRING)
                    .description("The status's reason phrase")
                    .example("Not Found"))
            .addProperty(
                "status",
                OASFactory.createSchema()
                    .type(Schema.SchemaType.INTEGER)
                    .format("int32")
                    .description("The HTTP status code")
                    .example(404))
            .addProperty(
                "detail",
                OASFactory.createSchema()
                    .type(Schema.SchemaType.STRING)
                    .description("What went wrong, for a human")
                    .example("There is no such resource"))
            .addProperty(
                "instance",
                OASFactory.createSchema()
                    .type(Schema.SchemaType.STRING)
                    .format("uri-reference")
                    .description("The occurrence, when the server names one"))
            .addProperty(
                "errors",
                OASFactory.createSchema()
                    .type(Schema.SchemaType.ARRAY)
                    .description("The invalid fields (400 and 422 only)")
                    .items(OASFactory.createSchema().ref("#/components/schemas/" + FIELD_ERROR)))
            .required(List.of("type", "title", "status"));
    components.addSchema(FIELD_ERROR, fieldError);
    components.addSchema(PROBLEM, problem);
    RESPONSES.values().forEach(r -> components.addResponse(r[0], problemResponse(r[1])));
  }

  private static APIResponse problemResponse(String description) {
    MediaType media =
        OASFactory.createMediaType()
            .schema(OASFactory.createSchema().ref("#/components/schemas/" + PROBLEM));
    Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, media);
    return OASFactory.createAPIResponse().description(description).content(content);
  }

  /** "http://host:8080/trialledger" → "/trialledger"; "http://host:8080/" → "/". */
  private static void relativeServers(OpenAPI openAPI) {
    if (openAPI.getServers() == null) return;
    for (Server server : openAPI.getServers()) {
      if (server.getUrl() == null || !server.getUrl().contains("://")) continue;
      String path = URI.create(server.getUrl()).getRawPath();
      while (path.length() > 1 && path.endsWith("/")) path = path.substring(0, path.length() - 1);
      server.setUrl(path.isEmpty() ? "/" : path);
      server.setDescription("This application, on the host that serves this document");
    }
  }

  private static void dedupeTags(OpenAPI openAPI) {
    if (openAPI.getTags() == null) return;
    Map<String, Tag> byName = new LinkedHashMap<>();
    for (Tag tag : openAPI.getTags()) {
      Tag seen = byName.putIfAbsent(tag.getName(), tag);
      if (seen != null && seen.getDescription() == null) seen.setDescription(tag.getDescription());
    }
    openAPI.setTags(new ArrayList<>(byName.values()));
  }

  /**
   * Removes component schemas that nothing outside them refers to (directly or through other
   * schemas).
   */
  private static void pruneUnusedSchemas(OpenAPI openAPI, Components components) {
    if (components.getSchemas() == null) return;
    Set<String> used = new HashSet<>();
    List<Schema> pending = new ArrayList<>();
    if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
      for (PathItem item : openAPI.getPaths().getPathItems().values()) {
        if (item.getParameters() != null)
          item.getParameters().forEach(p -> collect(p.getSchema(), p.getContent(), pending));
        for (Operation operation : item.getOperations().values()) {
          if (operation.getParameters() != null)
            operation.getParameters().forEach(p -> collect(p.getSchema(), p.getContent(), pending));
          if (operation.getRequestBody() != null)
            collect(null, operation.getRequestBody().getContent(), pending);
          if (operation.getResponses() != null
              && operation.getResponses().getAPIResponses() != null) {
            operation
                .getResponses()
                .getAPIResponses()
                .values()
                .forEach(r -> collect(null, r.getContent(), pending));
          }
        }
      }
    }
    while (!pending.isEmpty()) {
      Schema schema = pending.remove(pending.size() - 1);
      if (schema == null) continue;
      if (schema.getRef() != null) {
        String name = schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
        if (used.add(name)) pending.add(components.getSchemas().get(name));
      }
      if (schema.getProperties() != null) pending.addAll(schema.getProperties().values());
      pending.add(schema.getItems());
      if (schema.getAdditionalPropertiesSchema() != null)
        pending.add(schema.getAdditionalPropertiesSchema());
      if (schema.getAllOf() != null) pending.addAll(schema.getAllOf());
      if (schema.getAnyOf() != null) pending.addAll(schema.getAnyOf());
      if (schema.getOneOf() != null) pending.addAll(schema.getOneOf());
      pending.add(schema.getNot());
    }
    new ArrayList<>(components.getSchemas().keySet())
        .stream().filter(name -> !used.contains(name)).forEach(components::removeSchema);
  }

  private static void collect(Schema schema, Content content, List<Schema> pending) {
    pending.add(schema);
    if (content != null && content.getMediaTypes() != null)
      content.getMediaTypes().values().forEach(m -> pending.add(m.getSchema()));
  }

  /**
   * Payara's model class has a public {@code getEndpoints()} map outside the MicroProfile model; an
   * empty map is not written. Reflection, because the class is Payara's and this code must not
   * depend on it.
   */
  @SuppressWarnings("unchecked")
  private static void dropPayaraEndpoints(OpenAPI openAPI) {
    try {
      Object endpoints = openAPI.getClass().getMethod("getEndpoints").invoke(openAPI);
      if (endpoints instanceof Map<?, ?> map) map.clear();
    } catch (ReflectiveOperationException | RuntimeException e) {
      // not Payara, or a Payara without the property: nothing to drop
    }
  }
}
