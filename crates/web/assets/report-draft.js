// Autosave of a unit's report draft (cchc). After an edit the narratives are
// posted a few seconds later to the form's data-autosave address with the
// version the page holds; the answer gives the new version ("Đã lưu lúc hh:mm")
// or, when someone else saved in between, a conflict the writer resolves.
// Without this script the "Lưu bản nháp" button posts the same form.
(function () {
  "use strict";
  var form = document.getElementById("report-draft");
  var status = document.getElementById("autosave-status");
  if (!form || !status || !form.dataset.autosave || !window.fetch) {
    return;
  }
  var DELAY_MS = 5000;
  var RETRY_MS = 15000;
  var timer = null;
  var dirty = false;
  var saving = null;
  var stopped = false;
  var leaving = false;
  var resubmitting = false;

  function show(text, kind) {
    while (status.firstChild) {
      status.removeChild(status.firstChild);
    }
    status.appendChild(document.createTextNode(text));
    status.className = "autosave" + (kind ? " " + kind : "");
  }

  function setVersion(version) {
    var inputs = document.querySelectorAll("input.report-version");
    for (var i = 0; i < inputs.length; i++) {
      inputs[i].value = String(version);
    }
  }

  function button(label, onClick) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "link";
    b.appendChild(document.createTextNode(label));
    b.addEventListener("click", onClick);
    return b;
  }

  // Someone else saved: keep what is typed, let the writer choose.
  function conflict(data) {
    stopped = true;
    show(data.error.message, "error");
    status.appendChild(document.createTextNode(" "));
    status.appendChild(
      button("Lưu đè bằng nội dung của tôi", function () {
        setVersion(data.version);
        stopped = false;
        dirty = true;
        save();
      })
    );
    status.appendChild(document.createTextNode(" · "));
    status.appendChild(
      button("Tải lại trang", function () {
        dirty = false;
        window.location.reload();
      })
    );
  }

  function schedule(delay) {
    if (!timer && !stopped) {
      timer = window.setTimeout(save, delay);
    }
  }

  function answer(response) {
    var type = response.headers.get("content-type") || "";
    var body = type.indexOf("application/json") === 0 ? response.json() : Promise.resolve(null);
    return body.then(function (data) {
      return { status: response.status, data: data };
    });
  }

  // Resolves to true once everything typed so far is saved.
  function save() {
    window.clearTimeout(timer);
    timer = null;
    if (saving) {
      return saving.then(save);
    }
    if (!dirty || stopped) {
      return Promise.resolve(!dirty);
    }
    dirty = false;
    show("Đang lưu…", "");
    var body = new URLSearchParams(new FormData(form));
    saving = fetch(form.dataset.autosave, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(answer)
      .then(
        function (res) {
          saving = null;
          if (res.status === 200 && res.data) {
            setVersion(res.data.version);
            if (!dirty) {
              show(res.data.message, "ok");
            }
            return !dirty;
          }
          dirty = true;
          if (res.status === 409 && res.data && res.data.error) {
            conflict(res.data);
          } else if (res.data && res.data.error) {
            show("Chưa lưu được: " + res.data.error.message, "error");
          } else {
            stopped = true;
            show(
              "Chưa lưu được: phiên đăng nhập có thể đã hết. Hãy sao chép nội dung đang viết, đăng nhập lại rồi dán vào.",
              "error"
            );
          }
          return false;
        },
        function () {
          saving = null;
          dirty = true;
          show("Mất kết nối, chưa lưu được. Phần mềm sẽ thử lưu lại sau ít giây.", "error");
          schedule(RETRY_MS);
          return false;
        }
      );
    return saving;
  }

  document.addEventListener("input", function (e) {
    if (e.target && e.target.form === form) {
      dirty = true;
      if (!stopped) {
        show("Có thay đổi chưa lưu…", "");
      }
      schedule(DELAY_MS);
    }
  });

  // Other forms on the page (figure corrections) carry the version too:
  // save the text first so they post the version that follows it.
  document.addEventListener("submit", function (e) {
    var target = e.target;
    if (target === form) {
      window.clearTimeout(timer);
      timer = null;
      if (saving && !resubmitting && form.requestSubmit) {
        // Post after the save in flight, with the version it returns.
        e.preventDefault();
        var submitter = e.submitter;
        saving.then(function () {
          resubmitting = true;
          form.requestSubmit(submitter || undefined);
        });
        return;
      }
      resubmitting = false;
      dirty = false;
      leaving = true;
      return;
    }
    if (!dirty && !saving) {
      return;
    }
    e.preventDefault();
    save().then(function (ok) {
      if (ok) {
        target.submit();
      }
    });
  });

  window.addEventListener("beforeunload", function (e) {
    if (!leaving && (dirty || saving)) {
      e.preventDefault();
      e.returnValue = "";
    }
  });
})();
