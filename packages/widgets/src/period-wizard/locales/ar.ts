import type { Messages } from '@ringside/core';

export default {
  periodWizard: {
    title: 'الفترة الزمنية',
    choice: {
      legend: 'متى يسري',
      always: 'دائمًا',
      times: 'فقط في هذه الأوقات',
    },
    summary: {
      description: 'بالكلمات',
      expression: 'التعبير',
      notSet: 'لم يُختر بعد',
      empty: '(فارغ)',
      invalid: 'هذا التعبير غير صالح.',
    },
    list: {
      title: 'الفترات الزمنية',
      empty: 'لا توجد فترات بعد. أضف فترة أدناه؛ وحتى ذلك الحين لا يسري أبدًا.',
      edit: 'تعديل',
      editLabel: 'تعديل {{period}}',
      remove: 'إزالة',
      removeLabel: 'إزالة {{period}}',
      overnight: 'ليلية، تنتهي في اليوم التالي',
      editing: 'قيد التعديل',
    },
    editor: {
      newTitle: 'فترة جديدة',
      editTitle: 'تعديل الفترة',
      start: 'وقت البدء',
      end: 'وقت الانتهاء',
      timesHint: 'اترك الحقلين فارغين لليوم كله. وقت الانتهاء 00:00 يعني منتصف الليل.',
      overnight: 'ليلية، تنتهي في اليوم التالي (في كل يوم مختار: من منتصف الليل حتى وقت الانتهاء، ومن وقت البدء حتى منتصف الليل).',
      weekdays: 'أيام الأسبوع',
      weekdaysHint: 'إن لم تختر شيئًا: كل يوم.',
      months: 'الأشهر',
      monthsHint: 'إن لم تختر شيئًا: كل شهر.',
      selectAllMonths: 'تحديد كل الأشهر',
      clearMonths: 'مسح الأشهر',
      monthDays: 'أيام الشهر (اختياري)',
      monthDaysHint: 'إن لم تختر شيئًا: كل أيام الشهر.',
      clearMonthDays: 'مسح أيام الشهر',
      include: 'إضافة هذه الفترة',
      save: 'حفظ الفترة',
      cancel: 'إلغاء',
      errors: {
        unrestricted: 'هذه الفترة بلا قيود. اختر وقتًا أو أيامًا، أو اختر «دائمًا».',
        same_times: 'وقت البدء ووقت الانتهاء متطابقان. اترك الحقلين فارغين لليوم كله.',
        invalid_time: 'أدخل أوقاتًا كاملة.',
      },
    },
    text: {
      show: 'متقدم: التعديل كتعبير',
      hide: 'العودة إلى النموذج',
      label: 'التعبير (Time::Period)',
      example: 'مثال:',
      syntax: 'تفصل الفواصل بين البدائل؛ ويجب أن تنطبق كل أجزاء البديل الواحد.',
      unrepresentable:
        'لا يستطيع النموذج عرض هذا التعبير (فهو يستخدم الأسابيع أو أيام السنة أو السنوات أو الثواني أو أجزاء من الساعات)، لذا يُحفظ كما كُتب تمامًا.',
      fixToReturn: 'صحّح التعبير للعودة إلى النموذج.',
    },
    announce: {
      added: 'أُضيفت الفترة: {{period}}',
      changed: 'عُدّلت الفترة: {{period}}',
      removed: 'أُزيلت الفترة: {{period}}',
    },
    validation: {
      valueMissing: 'اختر «دائمًا» أو أضف فترة واحدة على الأقل.',
    },
  },
} satisfies Messages;
