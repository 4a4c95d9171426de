package app.convene.server.http;

/**
 * What an endpoint answers: a status and a body written as JSON, or no body.
 *
 * @param body the value to write as JSON, or {@code null} for no body
 */
public record ApiResponse(int status, Object body) {
  public static ApiResponse ok(Object body) {
    return new ApiResponse(200, body);
  }

  public static ApiResponse created(Object body) {
    return new ApiResponse(201, body);
  }

  public static ApiResponse noContent() {
    return new ApiResponse(204, null);
  }
}
