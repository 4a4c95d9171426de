package app.convene.client.call;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous {@link RTCPeerConnection} operations as futures. Each future completes on a
 * native WebRTC thread; callers continue on their own executor with {@code *Async(…, executor)}.
 * A native {@code onFailure(String)} becomes a failed future carrying that text.
 */
public final class Rtc {
  private Rtc() {}

  public static CompletableFuture<RTCSessionDescription> createOffer(RTCPeerConnection pc, boolean iceRestart) {
    RTCOfferOptions options = new RTCOfferOptions();
    options.iceRestart = iceRestart;
    CompletableFuture<RTCSessionDescription> result = new CompletableFuture<>();
    pc.createOffer(options, observer(result));
    return result;
  }

  static CompletableFuture<RTCSessionDescription> createAnswer(RTCPeerConnection pc) {
    CompletableFuture<RTCSessionDescription> result = new CompletableFuture<>();
    pc.createAnswer(new RTCAnswerOptions(), observer(result));
    return result;
  }

  static CompletableFuture<Void> setLocal(RTCPeerConnection pc, RTCSessionDescription description) {
    CompletableFuture<Void> result = new CompletableFuture<>();
    pc.setLocalDescription(description, setObserver(result, "set local " + description.sdpType));
    return result;
  }

  static CompletableFuture<Void> setRemote(RTCPeerConnection pc, RTCSessionDescription description) {
    CompletableFuture<Void> result = new CompletableFuture<>();
    pc.setRemoteDescription(description, setObserver(result, "set remote " + description.sdpType));
    return result;
  }

  static CompletableFuture<RTCStatsReport> stats(RTCPeerConnection pc) {
    CompletableFuture<RTCStatsReport> result = new CompletableFuture<>();
    pc.getStats(result::complete);
    return result;
  }

  private static CreateSessionDescriptionObserver observer(
      CompletableFuture<RTCSessionDescription> result) {
    return new CreateSessionDescriptionObserver() {
      @Override
      public void onSuccess(RTCSessionDescription description) {
        result.complete(description);
      }

      @Override
      public void onFailure(String error) {
        result.completeExceptionally(new RtcException("create description: " + error));
      }
    };
  }

  private static SetSessionDescriptionObserver setObserver(CompletableFuture<Void> result, String what) {
    return new SetSessionDescriptionObserver() {
      @Override
      public void onSuccess() {
        result.complete(null);
      }

      @Override
      public void onFailure(String error) {
        result.completeExceptionally(new RtcException(what + ": " + error));
      }
    };
  }

  /** A failure reported by the native WebRTC stack. */
  static final class RtcException extends RuntimeException {
    RtcException(String message) {
      super(message);
    }
  }
}
