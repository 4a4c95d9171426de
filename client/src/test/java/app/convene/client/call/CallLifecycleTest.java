package app.convene.client.call;

import static org.assertj.core.api.Assertions.assertThat;

import app.convene.protocol.Removed;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The call's state machine on its own: which edges it takes, what it tells, and when it stops. */
class CallLifecycleTest {
  private final List<String> heard = new ArrayList<>();
  private long now = 1_000;
  private final CallLifecycle lifecycle = new CallLifecycle(new CallListener() {
    @Override
    public void stateChanged(CallState state) {
      heard.add(state.name());
    }

    @Override
    public void reconnecting(String reason) {
      heard.add("reconnecting: " + reason);
    }

    @Override
    public void reconnected(long nanos) {
      heard.add("reconnected after " + nanos);
    }

    @Override
    public void ended(CallEnd end) {
      heard.add("ended: " + end.describe());
    }
  }, () -> now);

  @Test
  void connectingThenConnectedThenReconnectingThenConnectedAgain() {
    assertThat(lifecycle.state()).isEqualTo(CallState.CONNECTING);

    assertThat(lifecycle.admitted()).isTrue();
    assertThat(lifecycle.state()).isEqualTo(CallState.CONNECTED);
    assertThat(lifecycle.dropped("socket closed")).isTrue();
    assertThat(lifecycle.state()).isEqualTo(CallState.RECONNECTING);
    now += 4_000;
    assertThat(lifecycle.admitted()).isTrue();

    assertThat(lifecycle.state()).isEqualTo(CallState.CONNECTED);
    assertThat(heard).containsExactly("CONNECTED", "RECONNECTING", "reconnecting: socket closed",
        "CONNECTED", "reconnected after 4000");
    assertThat(lifecycle.awayNanos()).isEqualTo(4_000);
  }

  @Test
  void aSecondDropWhileReconnectingIsNoNewOutage() {
    lifecycle.admitted();
    lifecycle.dropped("first");
    now += 500;

    assertThat(lifecycle.dropped("the new socket closed too")).isFalse();
    now += 500;
    lifecycle.admitted();

    assertThat(heard).containsExactly("CONNECTED", "RECONNECTING", "reconnecting: first",
        "CONNECTED", "reconnected after 1000");
  }

  @Test
  void aJoinedWhileConnectedChangesNothing() {
    lifecycle.admitted();

    assertThat(lifecycle.admitted()).isFalse(); // e.g. a fresh join after a refused resume
    assertThat(heard).containsExactly("CONNECTED");
  }

  @Test
  void aDropBeforeTheServerAdmittedUsIsNoReconnection() {
    assertThat(lifecycle.dropped("refused")).isFalse();

    assertThat(lifecycle.state()).isEqualTo(CallState.CONNECTING);
    assertThat(heard).isEmpty();
  }

  @Test
  void theCallEndsOnceWithTheFirstReason() {
    lifecycle.admitted();

    assertThat(lifecycle.end(new CallEnd.Removal(Removed.Reason.REMOVED_BY_HOST))).isTrue();
    assertThat(lifecycle.end(new CallEnd.Left())).isFalse();

    assertThat(lifecycle.state()).isEqualTo(CallState.ENDED);
    assertThat(lifecycle.end()).isEqualTo(new CallEnd.Removal(Removed.Reason.REMOVED_BY_HOST));
    assertThat(heard).containsExactly("CONNECTED", "ENDED",
        "ended: the host removed you from the call");
  }

  @Test
  void nothingMovesAnEndedCall() {
    lifecycle.admitted();
    lifecycle.dropped("away");
    lifecycle.end(new CallEnd.Refused("The room does not exist"));
    heard.clear();

    assertThat(lifecycle.admitted()).isFalse();
    assertThat(lifecycle.dropped("again")).isFalse();
    assertThat(lifecycle.end(new CallEnd.Left())).isFalse();

    assertThat(lifecycle.state()).isEqualTo(CallState.ENDED);
    assertThat(lifecycle.end()).isEqualTo(new CallEnd.Refused("The room does not exist"));
    assertThat(heard).isEmpty();
  }

  @Test
  void aCallCanEndWhileStillConnecting() {
    assertThat(lifecycle.end(new CallEnd.Lost("connection refused"))).isTrue();

    assertThat(heard).containsExactly("ENDED", "ended: connection refused");
  }
}
