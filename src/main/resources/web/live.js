// Keeps a callout's fill view current from its server-sent events, without a reload.
(function () {
  'use strict';
  var view = document.querySelector('[data-events]');
  if (!view || !window.EventSource) {
    return;
  }
  var kinds = ['snapshot', 'asked', 'delivered', 'confirmed', 'declined', 'withdrawn', 'filled', 'reopened',
    'exhausted', 'cancelled', 'expired'];
  var source = new EventSource(view.getAttribute('data-events'));
  function show(message) {
    var event = JSON.parse(message.data);
    var counts = event.counts;
    Object.keys(counts).forEach(function (name) {
      var field = view.querySelector('[data-count="' + name + '"]');
      if (field) {
        field.textContent = String(counts[name]);
      }
    });
    var fill = view.querySelector('[data-fill]');
    if (fill) {
      fill.value = counts.confirmed;
      fill.textContent = counts.confirmed + ' / ' + fill.max;
    }
    var status = view.querySelector('[data-status]');
    if (status) {
      status.textContent = view.getAttribute('data-label-' + event.status.toLowerCase()) || event.status;
    }
    view.setAttribute('data-last-event', event.kind);
    if (event.status === 'CANCELLED' || event.status === 'EXPIRED') {
      source.close();
    }
  }
  kinds.forEach(function (kind) {
    source.addEventListener(kind, show);
  });
}());
