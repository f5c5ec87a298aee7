/* taalcoach-portaal quizzes: check answers in the browser, keep progress in localStorage.
 *
 * The quiz HTML (generator/templates/pages/_quiz.md.j2) is complete without this script:
 * questions, options and the answer key in <details>. This script adds checking, feedback,
 * a score and a reset. Nothing is sent anywhere. All Dutch words come from the quiz's
 * data-l-* attributes (generator/labels.yml); quiz text is only ever written as textContent.
 */
(function () {
  'use strict';

  var STORE_PREFIX = 'taalcoach-quiz:';
  // The site root, from this script's own address, so portals sharing a host keep apart.
  var SITE = (function () {
    var src = document.currentScript && document.currentScript.src;
    return src ? new URL('../..', src).pathname : '/';
  })();

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : all;
    });
  }

  function load(key) {
    try {
      var data = JSON.parse(window.localStorage.getItem(key) || 'null');
      return data && data.v === 1 && typeof data.q === 'object' ? data : { v: 1, q: {} };
    } catch (e) {
      return { v: 1, q: {} };  // storage blocked or damaged: start empty
    }
  }

  function save(key, state) {
    try {
      window.localStorage.setItem(key, JSON.stringify(state));
    } catch (e) { /* storage blocked or full: the quiz still works, progress is not kept */ }
  }

  function forget(key) {
    try { window.localStorage.removeItem(key); } catch (e) { /* nothing to do */ }
  }

  function Quiz(root) {
    var self = this;
    this.root = root;
    this.label = function (name) { return root.getAttribute('data-l-' + name) || ''; };
    this.key = STORE_PREFIX + SITE + ':' + root.getAttribute('data-tc-quiz');
    this.state = load(this.key);
    this.live = root.querySelector('.tc-quiz__live');
    this.progress = root.querySelector('.tc-quiz__progress');
    this.score = root.querySelector('.tc-quiz__score');
    this.questions = Array.prototype.map.call(root.querySelectorAll('fieldset.tc-q'), function (fs) {
      return new Question(self, fs);
    });
    root.querySelector('.tc-quiz__privacy').hidden = false;
    root.querySelector('.tc-quiz__summary').hidden = false;
    root.querySelector('.tc-quiz__reset').addEventListener('click', function () { self.reset(); });
    this.questions.forEach(function (q) { q.restore(self.state.q[q.number]); });
    this.update(false);
  }

  Quiz.prototype.announce = function (text) {
    var live = this.live;
    // A newer message replaces one still waiting: on a slow device the pause below could
    // otherwise end after the next check, and the older message would be read last.
    window.clearTimeout(this.announcing);
    live.textContent = '';
    // A short pause so that the same message twice in a row is announced again.
    this.announcing = window.setTimeout(function () { live.textContent = text; }, 50);
  };

  Quiz.prototype.store = function (question, entry) {
    if (entry) this.state.q[question.number] = entry; else delete this.state.q[question.number];
    save(this.key, this.state);
  };

  Quiz.prototype.update = function (justFinished) {
    var done = 0, scored = 0, right = 0;
    this.questions.forEach(function (q) {
      if (q.checked) done += 1;
      if (q.type !== 'open') {
        scored += 1;
        if (q.checked && q.result === 'right') right += 1;
      }
    });
    var total = this.questions.length;
    this.progress.textContent = fill(this.label('progress'), { done: done, total: total });
    var finished = done === total;
    var text = '';
    if (finished) {
      text = this.label('done');
      if (scored) text += ' ' + fill(this.label('score'), { right: right, total: scored });
      if (scored < total) text += ' ' + this.label('score-open');
    }
    this.score.textContent = text;
    this.score.hidden = !finished;
    this.root.classList.toggle('tc-quiz--finished', finished);
    return justFinished && finished ? text : '';
  };

  Quiz.prototype.reset = function () {
    forget(this.key);
    this.state = { v: 1, q: {} };
    this.questions.forEach(function (q) { q.clear(); });
    this.update(false);
    this.announce(this.label('reset-done'));
  };

  function Question(quiz, fieldset) {
    var self = this;
    this.quiz = quiz;
    this.fieldset = fieldset;
    this.type = fieldset.getAttribute('data-type');
    this.number = fieldset.getAttribute('data-number');
    this.inputs = Array.prototype.slice.call(fieldset.querySelectorAll('input'));
    this.textarea = fieldset.querySelector('textarea');
    this.feedback = fieldset.querySelector('.tc-q__feedback');
    this.key = fieldset.querySelector('details.tc-q__key');
    this.checked = false;
    this.result = null;
    this.options = {};
    Array.prototype.forEach.call(fieldset.querySelectorAll('.tc-key__opt'), function (li) {
      var feedback = li.querySelector('.tc-key__feedback');
      self.options[li.getAttribute('data-key')] = {
        correct: li.getAttribute('data-correct') === 'true',
        text: li.querySelector('.tc-key__text').textContent,
        feedback: feedback ? feedback.textContent : ''
      };
    });
    fieldset.querySelector('.tc-q__actions').hidden = false;
    this.key.hidden = true;  // the answer key opens once the question is checked
    fieldset.querySelector('.tc-q__check').addEventListener('click', function () { self.check(true); });
    var changed = function () { self.changed(); };
    this.inputs.forEach(function (input) { input.addEventListener('change', changed); });
    if (this.textarea) this.textarea.addEventListener('input', changed);
  }

  Question.prototype.chosen = function () {
    return this.inputs.filter(function (i) { return i.checked; }).map(function (i) { return i.value; });
  };

  Question.prototype.entry = function () {
    var entry = this.textarea ? { t: this.textarea.value } : { a: this.chosen() };
    if (this.checked) entry.c = 1;
    return entry;
  };

  Question.prototype.changed = function () {
    if (this.checked) this.hideResult();
    this.quiz.store(this, this.entry());
    this.quiz.update(false);
  };

  Question.prototype.restore = function (entry) {
    if (!entry) return;
    if (this.textarea && typeof entry.t === 'string') this.textarea.value = entry.t;
    var chosen = Array.isArray(entry.a) ? entry.a : [];
    this.inputs.forEach(function (i) { i.checked = chosen.indexOf(i.value) >= 0; });
    if (entry.c) this.check(false);
  };

  Question.prototype.clear = function () {
    this.inputs.forEach(function (i) { i.checked = false; });
    if (this.textarea) this.textarea.value = '';
    this.hideResult();
  };

  Question.prototype.hideResult = function () {
    this.checked = false;
    this.result = null;
    this.feedback.hidden = true;
    this.feedback.textContent = '';
    this.feedback.className = 'tc-q__feedback';
    this.key.hidden = true;
    this.key.open = false;
    Array.prototype.forEach.call(this.fieldset.querySelectorAll('.tc-opt__mark'), function (m) {
      m.parentNode.removeChild(m);
    });
  };

  // Check the answer and show feedback; announce it when the volunteer asked for it.
  Question.prototype.check = function (announce) {
    var quiz = this.quiz, label = quiz.label, self = this;
    var heading = label('question') + ' ' + this.number + ': ';
    var lines = [];
    var verdict;
    if (this.type === 'open') {
      verdict = 'open';
      lines.push(label('compare'));
    } else {
      var chosen = this.chosen();
      if (!chosen.length) {
        this.hideResult();
        this.feedback.hidden = false;
        this.feedback.className = 'tc-q__feedback tc-q__feedback--hint';
        this.feedback.appendChild(el('p', null, label('choose-first')));
        if (announce) quiz.announce(heading + label('choose-first'));
        return;
      }
      var hits = 0, wrong = 0, needed = 0;
      Object.keys(this.options).forEach(function (k) {
        var o = self.options[k], picked = chosen.indexOf(k) >= 0;
        if (o.correct) needed += 1;
        if (picked && o.correct) hits += 1;
        if (picked && !o.correct) wrong += 1;
      });
      verdict = hits === needed && !wrong ? 'right' : (hits > 0 && this.type === 'multiple' ? 'partly' : 'wrong');
      chosen.forEach(function (k) {
        var o = self.options[k];
        if (o && o.feedback) lines.push(o.text + ' — ' + o.feedback);
      });
      if (verdict !== 'right' && this.type !== 'multiple') {
        var rightKeys = Object.keys(this.options).filter(function (k) { return self.options[k].correct; });
        lines.push(label('right-answer-is') + ' ' + rightKeys.map(function (k) { return self.options[k].text; }).join(', '));
      }
      this.markOptions(chosen);
    }
    this.checked = true;
    this.result = verdict;
    this.showFeedback(verdict, lines);
    this.key.hidden = false;
    this.key.open = true;
    quiz.store(this, this.entry());
    var finished = quiz.update(announce);
    if (announce) {
      var said = verdict === 'open' ? '' : label(verdict) + ' ';
      quiz.announce(heading + said + lines.join(' ') + (finished ? ' ' + finished : ''));
    }
  };

  Question.prototype.showFeedback = function (verdict, lines) {
    var box = this.feedback;
    box.textContent = '';
    box.className = 'tc-q__feedback tc-q__feedback--' + verdict;
    if (verdict !== 'open') {
      var head = el('p', 'tc-q__verdict');
      head.appendChild(el('span', 'tc-icon', verdict === 'right' ? '✔' : (verdict === 'partly' ? '◐' : '✘')));
      head.lastChild.setAttribute('aria-hidden', 'true');
      head.appendChild(document.createTextNode(' ' + this.quiz.label(verdict)));
      box.appendChild(head);
    }
    lines.forEach(function (line) { box.appendChild(el('p', null, line)); });
    box.hidden = false;
  };

  // Mark the chosen and the correct options with an icon and a word (never colour alone).
  Question.prototype.markOptions = function (chosen) {
    var self = this, label = this.quiz.label;
    this.inputs.forEach(function (input) {
      var o = self.options[input.value];
      if (!o || !(o.correct || chosen.indexOf(input.value) >= 0)) return;
      var picked = chosen.indexOf(input.value) >= 0;
      var mark = el('span', 'tc-opt__mark tc-opt__mark--' + (o.correct ? 'right' : 'wrong'));
      var icon = el('span', 'tc-icon', o.correct ? '✔' : '✘');
      icon.setAttribute('aria-hidden', 'true');
      mark.appendChild(icon);
      var word = o.correct ? (picked ? 'option-right' : 'option-missed') : 'option-wrong';
      mark.appendChild(document.createTextNode(' ' + label(word)));
      input.parentNode.appendChild(mark);
    });
  };

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll('.tc-quiz[data-tc-quiz]'), function (root) {
      if (root.getAttribute('data-tc-ready')) return;
      root.setAttribute('data-tc-ready', 'true');
      new Quiz(root);
    });
  }

  // Material's instant navigation swaps pages without reloading: document$ emits per page.
  if (window.document$ && typeof window.document$.subscribe === 'function') {
    window.document$.subscribe(start);
  } else if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
